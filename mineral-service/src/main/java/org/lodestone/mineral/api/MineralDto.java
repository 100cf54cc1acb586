package org.lodestone.mineral.api;

import java.util.List;

public record MineralDto(String id, String name, String symbol, String unit, List<String> uses, SourceDto usesSource) {
}
