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
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.MineralDto;

@ApplicationScoped
public class MineralService {

    public List<MineralDto> list() {
        return Mineral.<Mineral>list("order by id").stream().map(MineralMapper::toDto).toList();
    }

    public MineralDto get(String id) {
        Mineral mineral = Mineral.findById(id);
        if (mineral == null) {
            throw new ResourceNotFoundException("mineral", id);
        }
        return MineralMapper.toDto(mineral);
    }

    /** All requested minerals in one query, keyed by id; unknown ids are absent. */
    public Map<String, MineralDto> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Mineral.<Mineral>list("id in ?1", new HashSet<>(ids)).stream().map(MineralMapper::toDto)
                .collect(Collectors.toMap(MineralDto::id, Function.identity()));
    }

    public Set<String> knownIds() {
        return Mineral.getEntityManager().createQuery("select m.id from Mineral m", String.class).getResultStream()
                .collect(Collectors.toSet());
    }
}
