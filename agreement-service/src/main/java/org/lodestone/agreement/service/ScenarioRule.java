package org.lodestone.agreement.service;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.CommitmentView;

/**
 * Which agreements and commitments matter to a coalition member hit by a hypothetical export control
 * (mineral-service's {@code ScenarioImpact}: the member, the minerals cut off, the non-imposing producers that could
 * substitute). An agreement is relevant when
 * <ol>
 * <li>the member is a party;</li>
 * <li>at least one other party is among the substitute producers (bilateral and plurilateral agreements alike: any
 * other party counts);</li>
 * <li>its minerals are related to a scenario mineral ({@link #mineralsRelated}); and</li>
 * <li>its status is in the requested set (default SIGNED and IN_FORCE: the seed marks an agreement IN_FORCE only
 * when its text says it entered into force, so most real agreements are SIGNED).</li>
 * </ol>
 * A commitment is relevant when its agreement is, its obligor is the member or a substitute producer, and its
 * mineral is related to a scenario mineral or absent (a commitment without a mineral covers the whole agreement).
 * Visibility is not decided here: callers filter through the visibility policy first.
 */
public final class ScenarioRule {

    /** The minerals.csv tag for an agreement that covers critical minerals without listing them. */
    public static final String GENERAL = "critical_minerals_general";

    /** The default status filter: agreements that have been signed and not suspended, ended or terminated. */
    public static final Set<AgreementStatus> DEFAULT_STATUSES = Set.of(AgreementStatus.SIGNED, AgreementStatus.IN_FORCE);

    private static final List<String> REE_ELEMENTS = List.of("samarium", "gadolinium", "terbium", "dysprosium",
            "lutetium", "scandium", "yttrium", "holmium", "erbium", "thulium", "europium", "ytterbium");

    /**
     * Group ids of minerals.csv and the ids they contain, as minerals.csv describes them: the rare-earth group holds
     * its subgroups, the magnet product and the elements named in China's controls; heavy and magnet rare earths
     * hold the two elements the data names for them (Dy, Tb). Other baskets (rare_metals, strategic_minerals, ...)
     * match only themselves: no agreement in the data uses them and their members are not listed as ids.
     */
    static final Map<String, Set<String>> GROUPS = Map.of(
            "rare_earths", Set.copyOf(concat(REE_ELEMENTS,
                    List.of("rare_earths_magnet", "heavy_rare_earths", "rare_earth_magnets"))),
            "heavy_rare_earths", Set.of("dysprosium", "terbium"),
            "rare_earths_magnet", Set.of("dysprosium", "terbium"));

    private ScenarioRule() {
    }

    /** A hit member as the scenario describes it; codes upper-case, ids as given, duplicates removed. */
    public record Impact(String member, Set<String> minerals, Set<String> producers) {

        public static Impact of(String member, Collection<String> minerals, Collection<String> producers) {
            return new Impact(member == null ? "" : member.strip().toUpperCase(Locale.ROOT),
                    clean(minerals, false), clean(producers, true));
        }

        private static Set<String> clean(Collection<String> values, boolean upper) {
            if (values == null) {
                return Set.of();
            }
            return values.stream().filter(Objects::nonNull).map(String::strip)
                    .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** The requested statuses; null means the default (SIGNED, IN_FORCE), an empty list matches nothing. */
    public static Set<AgreementStatus> statuses(List<AgreementStatus> requested) {
        if (requested == null) {
            return DEFAULT_STATUSES;
        }
        Set<AgreementStatus> set = EnumSet.noneOf(AgreementStatus.class);
        requested.stream().filter(Objects::nonNull).forEach(set::add);
        return set;
    }

    public static boolean agreementRelevant(Impact impact, AgreementView agreement, Set<AgreementStatus> statuses) {
        List<String> parties = agreement.parties();
        return statuses.contains(agreement.status())
                && parties.contains(impact.member())
                && parties.stream().anyMatch(p -> !p.equals(impact.member()) && impact.producers().contains(p))
                && agreement.minerals().stream()
                        .anyMatch(m -> impact.minerals().stream().anyMatch(s -> mineralsRelated(s, m)));
    }

    public static boolean commitmentRelevant(Impact impact, CommitmentView commitment,
            Set<AgreementStatus> statuses) {
        String obligor = commitment.obligor();
        String mineral = commitment.mineral();
        return agreementRelevant(impact, commitment.agreement(), statuses)
                && (obligor.equals(impact.member()) || impact.producers().contains(obligor))
                && (mineral == null || impact.minerals().stream().anyMatch(s -> mineralsRelated(s, mineral)));
    }

    /**
     * Two mineral ids are related when they are equal, when one is a group containing the other (an agreement on
     * rare earths covers dysprosium; a Dy/Tb offtake answers a cut of rare earths), or when either is
     * {@value #GENERAL}, which the data uses for agreements that cover critical minerals without listing them.
     */
    public static boolean mineralsRelated(String a, String b) {
        if (a.equals(b) || GENERAL.equals(a) || GENERAL.equals(b)) {
            return true;
        }
        return GROUPS.getOrDefault(a, Set.of()).contains(b) || GROUPS.getOrDefault(b, Set.of()).contains(a);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
