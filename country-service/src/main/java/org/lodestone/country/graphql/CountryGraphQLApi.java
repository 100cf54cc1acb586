package org.lodestone.country.graphql;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lodestone.country.api.CountryView;
import org.lodestone.country.api.DependenceIndicatorView;
import org.lodestone.country.api.ImportDependenceView;
import org.lodestone.country.api.MemberDependenceView;
import org.lodestone.country.api.MineralRef;
import org.lodestone.country.api.PolicyMeasureView;
import org.lodestone.country.api.ViewerView;
import org.lodestone.country.service.CountryCodes;
import org.lodestone.country.service.CountryService;
import org.lodestone.country.service.DependenceService;
import org.lodestone.country.service.ImportDependenceService;
import org.lodestone.support.BatchByArguments;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.problem.InvalidInputException;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;

/**
 * The country subgraph: owns {@code Country}, points at {@code Mineral} by id. Lists of countries are announced to
 * {@link BatchByArguments}, so that {@code dependencies(mineral)} loads for all of them at once, per alias.
 */
@DatabaseOutageAware
@GraphQLApi
@Authenticated
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = {
        @Import(name = "@key"), @Import(name = "@shareable") })
public class CountryGraphQLApi {

    /** Realm roles that mean something in Lodestone; Keycloak adds others (offline_access, ...) we do not show. */
    private static final Set<String> LODESTONE_ROLES = Set.of("member", "analyst", "admin");

    @Inject
    CountryService countries;

    @Inject
    DependenceService dependences;

    @Inject
    ImportDependenceService importDependence;

    @Inject
    SecurityIdentity identity;

    @Inject
    BatchByArguments batches;

    @Inject
    JsonWebToken token;

    @Query
    @Description("The caller: subject, username, country (members) and Lodestone roles.")
    public @NonNull ViewerView me() {
        String countryCode = token.getClaim("country");
        CountryView country = countryCode == null ? null : countries.find(countryCode).orElse(null);
        List<String> roles = identity.getRoles().stream().filter(LODESTONE_ROLES::contains).sorted().toList();
        return new ViewerView(token.getSubject(), token.getClaim("preferred_username"), country, roles);
    }

    @Query
    @Description("All countries, or only the coalition members.")
    public @NonNull List<@NonNull CountryView> countries(@DefaultValue("false") Boolean coalitionOnly) {
        List<CountryView> found = countries.list(Boolean.TRUE.equals(coalitionOnly), null);
        batches.announce(CountryView.class, found.stream().map(CountryView::code).toList());
        return found;
    }

    @Query
    @Description("A country by code (ISO 3166-1 alpha-2, EU, ROW, WORLD); null when unknown.")
    public CountryView country(@Id @NonNull String code) {
        if (!CountryCodes.isWellFormedKey(code)) {
            throw InvalidInputException.of("code", "'" + code + "' is not an upper-case ISO 3166-1 alpha-2 code");
        }
        return countries.find(code).orElse(null);
    }

    /**
     * Federation {@code _entities} for Country: every representation in one call, one SQL statement. The key list
     * carries no {@code @Id}: SmallRye would then expect an ID scalar for the whole list and never call this.
     * Elements stay nullable, as unknown codes answer null in their position.
     */
    @Resolver
    public List<CountryView> countriesByCode(List<String> code) {
        batches.announce(CountryView.class, code);
        return countries.resolve(code);
    }

    /** Federation {@code _entities} for the Mineral stub: only the id lives here, so the key is the whole answer. */
    @Resolver
    public List<MineralRef> mineralsById(List<String> id) {
        return id.stream().map(MineralRef::new).toList();
    }

    /** Per country through {@link BatchByArguments}, so that aliases with different minerals stay apart. */
    @Description("Dependence indicators of this country, optionally for one mineral.")
    public @NonNull List<@NonNull DependenceIndicatorView> dependencies(@Source CountryView country,
            @Id String mineral) {
        return batches.get(CountryView.class, country.code(), "dependencies", Arrays.asList(mineral), codes -> {
            List<List<DependenceIndicatorView>> found = dependences.forCountries(codes, mineral);
            Map<String, List<DependenceIndicatorView>> byCountry = new HashMap<>();
            for (int i = 0; i < codes.size(); i++) {
                byCountry.put(codes.get(i), found.get(i));
            }
            return byCountry;
        }, List.of());
    }

    @Description("""
            Net import reliance and China's share of imports for each mineral this country has either figure for, \
            in recording order; mineral-service's Country.exposure scores them.""")
    public List<@NonNull List<@NonNull ImportDependenceView>> importDependence(@Source List<CountryView> country) {
        return importDependence.forCountries(country.stream().map(CountryView::code).toList());
    }

    @Description("""
            Coalition members' net import reliance and China's share of imports for this mineral (members with \
            either figure, by country code); mineral-service's Mineral.coalitionExposure ranks them.""")
    public List<List<@NonNull MemberDependenceView>> memberDependence(@Source List<MineralRef> mineral) {
        return importDependence.coalitionMembersFor(mineral.stream().map(MineralRef::id).toList());
    }

    @Description("Policy measures this country has set against supply risk, such as stockpile targets.")
    public List<@NonNull List<@NonNull PolicyMeasureView>> policyMeasures(@Source List<CountryView> country) {
        return dependences.policyMeasuresFor(country.stream().map(CountryView::code).toList());
    }
}
