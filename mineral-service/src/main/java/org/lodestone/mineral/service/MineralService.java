package org.lodestone.mineral.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.Mineral;
import org.lodestone.mineral.MineralRepository;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.MineralDto;

@ApplicationScoped
public class MineralService {

    private final MineralRepository repository;
    private final VersionedCache cache;

    MineralService(MineralRepository repository, VersionedCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    public List<MineralDto> list() {
        return all();
    }

    /** Every mineral, in id order; read again only after the table changed (a few dozen rows). */
    private List<MineralDto> all() {
        return cache.get(VersionedCache.Table.MINERAL, "all", List.of(),
                () -> repository.allById().stream().map(MineralMapper::toDto).toList());
    }

    public MineralDto get(String id) {
        Mineral mineral = repository.findById(id);
        if (mineral == null) {
            throw new ResourceNotFoundException("mineral", id);
        }
        return MineralMapper.toDto(mineral);
    }

    /** The requested minerals keyed by id (unknown ids are absent), from the cached list: at most one query. */
    public Map<String, MineralDto> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = new HashSet<>(ids);
        return all().stream().filter(m -> wanted.contains(m.id()))
                .collect(Collectors.toMap(MineralDto::id, Function.identity()));
    }

    public Set<String> knownIds() {
        return cache.get(VersionedCache.Table.MINERAL, "ids", List.of(),
                () -> all().stream().map(MineralDto::id).collect(Collectors.toUnmodifiableSet()));
    }
}
