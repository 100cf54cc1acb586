package org.lodestone.mineral.service;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.SupplyShare;
import org.lodestone.mineral.SupplyShareRepository;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;

@ApplicationScoped
public class SupplyShareService {

    private final SupplyShareRepository shares;
    private final VersionedCache cache;

    SupplyShareService(SupplyShareRepository shares, VersionedCache cache) {
        this.shares = shares;
        this.cache = cache;
    }

    /**
     * One SQL query whatever the number of minerals or countries asked for, and none while the table is unchanged
     * since the same filter was last read ({@link VersionedCache}): every concentration, exposure and scenario figure
     * is computed from these rows.
     */
    public List<SupplyShareDto> search(SupplyShareFilter filter) {
        Object key = VersionedCache.args(copy(filter.minerals()), filter.stage(), filter.year(), filter.dataset(),
                copy(filter.countries()));
        return cache.get(VersionedCache.Table.SUPPLY_SHARE, "search", key, 
                () -> shares.search(filter).stream().map(MineralMapper::toDto).toList());
    }

    private static List<String> copy(Collection<String> values) {
        return values == null ? null : List.copyOf(values);
    }

    public SupplyShareDto get(long id) {
        SupplyShare share = shares.findById(id);
        if (share == null) {
            throw new ResourceNotFoundException("supply share", Long.toString(id));
        }
        return MineralMapper.toDto(share);
    }

    public List<SupplyShareDto> byIds(Collection<Long> ids) {
        return shares.byIds(ids).stream().map(MineralMapper::toDto).toList();
    }
}
