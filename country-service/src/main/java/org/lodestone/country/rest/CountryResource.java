package org.lodestone.country.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.lodestone.country.api.CountryView;
import org.lodestone.country.api.DependenceIndicatorView;
import org.lodestone.country.api.NewDependenceIndicator;
import org.lodestone.country.api.PolicyMeasureView;
import org.lodestone.country.service.CountryCodes;
import org.lodestone.country.service.CountryService;
import org.lodestone.country.service.DependenceService;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.rest.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/countries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "countries")
public class CountryResource {

    @Inject
    CountryService countries;

    @Inject
    DependenceService dependences;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "List countries, optionally only coalition members, one group, or the given codes (codes=US,JP)")
    public List<CountryView> list(@RestQuery boolean coalitionOnly, @RestQuery String group, @RestQuery String codes) {
        return codes == null ? countries.list(coalitionOnly, group)
                : countries.findMany(parseCodes(codes), coalitionOnly, group);
    }

    @GET
    @Path("/{code}")
    public CountryView get(@RestPath String code) {
        return countries.get(code);
    }

    @GET
    @Path("/{code}/dependencies")
    public List<DependenceIndicatorView> dependencies(@RestPath String code, @RestQuery String mineral,
            @RestQuery String indicator) {
        return dependences.forCountry(code, QueryParams.text(mineral), QueryParams.text(indicator));
    }

    @POST
    @Path("/{code}/dependencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "analyst", "admin" })
    @Operation(summary = "Record a dependence indicator for a country (analysts and admins)")
    public RestResponse<DependenceIndicatorView> record(@RestPath String code,
            @Valid @NotNull NewDependenceIndicator body) {
        DependenceIndicatorView created = dependences.record(code, body, token.getName());
        return RestResponse.ResponseBuilder.<DependenceIndicatorView> created(URI.create("/dependencies/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{code}/policy-measures")
    public List<PolicyMeasureView> policyMeasures(@RestPath String code) {
        return dependences.policyMeasures(code);
    }

    private static List<String> parseCodes(String codes) {
        List<String> parsed = Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (parsed.isEmpty()) {
            throw InvalidInputException.of("codes", "give at least one country code, e.g. codes=US,JP");
        }
        parsed.stream().filter(c -> !CountryCodes.isWellFormedKey(c)).findFirst().ifPresent(bad -> {
            throw InvalidInputException.of("codes", "'" + bad + "' is not an upper-case ISO 3166-1 alpha-2 code");
        });
        return parsed;
    }
}
