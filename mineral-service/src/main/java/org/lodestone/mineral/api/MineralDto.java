package org.lodestone.mineral.api;

import java.util.List;

import org.lodestone.support.citation.Citation;


public record MineralDto(String id, String name, String symbol, String unit, List<String> uses, Citation usesSource) {
}
