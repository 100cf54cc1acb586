package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.ExportControl;
import org.lodestone.mineral.ExportControlRepository;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.ExportControlFilter;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ConflictException;
import org.lodestone.support.problem.ResourceNotFoundException;

/**
 * Export controls, with their status for today ({@link ControlStatus}). Suspension rows themselves are relaxations,
 * not restrictions, so {@code activeOn} never lists them.
 */
@ApplicationScoped
public class ExportControlService {

    private final ExportControlRepository controls;
    private final MineralService minerals;
    private final AlertOutbox alerts;
    private final VersionedCache cache;

    ExportControlService(ExportControlRepository controls, MineralService minerals, AlertOutbox alerts,
            VersionedCache cache) {
        this.controls = controls;
        this.minerals = minerals;
        this.alerts = alerts;
        this.cache = cache;
    }

    /** Read again only after the table changed or the day did (a control's status depends on today). */
    public List<ExportControlDto> search(ExportControlFilter filter) {
        return cache.get(VersionedCache.Table.EXPORT_CONTROL, "search",
                VersionedCache.args(filter, LocalDate.now(ZoneOffset.UTC)),
                () -> toDtos(controls.search(filter), filter.activeOn()));
    }

    public ExportControlDto get(String id) {
        ExportControl control = controls.findById(id);
        if (control == null) {
            throw new ResourceNotFoundException("export control", id);
        }
        return toDtos(List.of(control), null).get(0);
    }

    /** Keyed by id, from one query (plus one for their suspensions); unknown ids are absent. */
    public Map<String, ExportControlDto> byIds(Collection<String> ids) {
        return toDtos(controls.byIds(new HashSet<>(ids)), null).stream()
                .collect(Collectors.toMap(ExportControlDto::id, c -> c));
    }

    /**
     * Controls naming any of the minerals, grouped by mineral. Export controls are rare events (tens of rows),
     * so one query reads them all and the grouping happens here.
     */
    public Map<String, List<ExportControlDto>> byMinerals(Collection<String> mineralIds) {
        Set<String> wanted = Set.copyOf(mineralIds);
        return cache.get(VersionedCache.Table.EXPORT_CONTROL, "byMinerals",
                VersionedCache.args(wanted, LocalDate.now(ZoneOffset.UTC)), () -> readByMinerals(wanted));
    }

    private Map<String, List<ExportControlDto>> readByMinerals(Set<String> wanted) {
        List<ExportControl> naming = controls.allByDate().stream()
                .filter(c -> c.mineralIds.stream().anyMatch(wanted::contains)).toList();
        Map<String, List<ExportControlDto>> grouped = new HashMap<>();
        for (ExportControlDto dto : toDtos(naming, null)) {
            for (String mineral : dto.minerals()) {
                grouped.computeIfAbsent(mineral, k -> new ArrayList<>()).add(dto);
            }
        }
        grouped.replaceAll((mineral, list) -> List.copyOf(list));
        return Map.copyOf(grouped);
    }

    /** Records a control and its alert in one transaction. */
    @Transactional
    public ExportControlDto record(NewExportControl in, String recordedBy) {
        NewExportControl valid = ExportControlValidator.validate(in, minerals.knownIds(),
                id -> controls.findById(id) != null);
        if (controls.findById(valid.id()) != null) {
            throw new ConflictException("export control '" + valid.id() + "' already exists");
        }
        ExportControl control = MineralMapper.toEntity(valid, recordedBy);
        controls.persist(control);
        ExportControlDto recorded = toDtos(List.of(control), null).get(0);
        alerts.exportControlRecorded(recorded, control.suspendsId == null ? null : get(control.suspendsId));
        return recorded;
    }

    private List<ExportControlDto> toDtos(List<ExportControl> found, LocalDate activeOn) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> ids = found.stream().map(c -> c.id).collect(Collectors.toSet());
        Map<String, List<ExportControl>> suspensions = controls.suspensionsOf(ids).stream()
                .collect(Collectors.groupingBy(s -> s.suspendsId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<ExportControlDto> result = new ArrayList<>();
        for (ExportControl control : found) {
            List<ExportControl> own = suspensions.getOrDefault(control.id, List.of());
            if (activeOn != null && !ControlStatus.inEffect(control, own, activeOn)) {
                continue;
            }
            result.add(MineralMapper.toDto(control, ControlStatus.on(today, control, own)));
        }
        return result;
    }
}
