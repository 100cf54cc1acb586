package org.lodestone.mineral.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A coalition member hit by a scenario, with the minerals cut off and the producers that could substitute.
 * The id spells all three out ({@code JP|rare_earths|AU,MM,US}) so any subgraph can resolve the entity from
 * the id alone, and the same scenario always gives the same id.
 */
public record ScenarioImpactDto(String id, String memberCode, List<String> mineralIds, List<String> producerCodes) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern MINERAL = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public static ScenarioImpactDto of(String memberCode, List<String> mineralIds, List<String> producerCodes) {
        List<String> minerals = mineralIds.stream().distinct().sorted().toList();
        List<String> producers = producerCodes.stream().distinct().sorted().toList();
        String id = memberCode + "|" + String.join(",", minerals) + "|" + String.join(",", producers);
        return new ScenarioImpactDto(id, memberCode, minerals, producers);
    }

    /** Empty when the id is not one this service could have issued. */
    public static Optional<ScenarioImpactDto> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split("\\|", -1);
        if (parts.length != 3 || !CODE.matcher(parts[0]).matches() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        List<String> minerals = List.of(parts[1].split(","));
        List<String> producers = parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","));
        if (!minerals.stream().allMatch(m -> MINERAL.matcher(m).matches())
                || !producers.stream().allMatch(p -> CODE.matcher(p).matches())) {
            return Optional.empty();
        }
        ScenarioImpactDto normal = of(parts[0], minerals, producers);
        return normal.id().equals(id) ? Optional.of(normal) : Optional.empty();
    }
}
