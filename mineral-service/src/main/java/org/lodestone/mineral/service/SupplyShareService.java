package org.lodestone.mineral.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.SupplyShare;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;

@ApplicationScoped
public class SupplyShareService {

    private final VersionedCache cache;

    SupplyShareService(VersionedCache cache) {
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
        return cache.get(VersionedCache.Table.SUPPLY_SHARE, "search", key, () -> read(filter));
    }

    private static List<String> copy(Collection<String> values) {
        return values == null ? null : List.copyOf(values);
    }

    private List<SupplyShareDto> read(SupplyShareFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.minerals() != null && !filter.minerals().isEmpty()) {
            clauses.add("mineralId in :minerals");
            params.put("minerals", filter.minerals());
        }
        if (filter.countries() != null && !filter.countries().isEmpty()) {
            clauses.add("countryCode in :countries");
            params.put("countries", filter.countries());
        }
        if (filter.stage() != null) {
            clauses.add("stage = :stage");
            params.put("stage", filter.stage());
        }
        if (filter.year() != null) {
            clauses.add("year = :year");
            params.put("year", filter.year());
        }
        if (filter.dataset() != null) {
            clauses.add("dataset = :dataset");
            params.put("dataset", filter.dataset());
        }
        String where = clauses.isEmpty() ? "" : String.join(" and ", clauses) + " ";
        return SupplyShare.<SupplyShare>list(where + "order by mineralId, stage, year, dataset, sharePct desc, countryCode",
                params).stream().map(MineralMapper::toDto).toList();
    }

    public SupplyShareDto get(long id) {
        SupplyShare share = SupplyShare.findById(id);
        if (share == null) {
            throw new ResourceNotFoundException("supply share", Long.toString(id));
        }
        return MineralMapper.toDto(share);
    }

    public List<SupplyShareDto> byIds(Collection<Long> ids) {
        return SupplyShare.<SupplyShare>list("id in ?1 order by id", ids).stream().map(MineralMapper::toDto).toList();
    }
}
