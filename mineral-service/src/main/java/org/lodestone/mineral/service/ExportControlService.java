package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.ExportControl;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.support.problem.ConflictException;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.ExportControlFilter;
import org.lodestone.mineral.api.NewExportControl;

/**
 * Export controls. A control is in effect on a day when the day lies in [effective, ends] (see
 * {@link ControlPeriod} for month-only dates; the announcement date stands in when no effective date is known)
 * and no suspension of it covers that day. Suspension rows themselves are relaxations, not restrictions,
 * so {@code activeOn} never lists them.
 */
@ApplicationScoped
public class ExportControlService {

    static final Set<String> MEASURES = Set.of("licence", "ban", "halt", "suspension");
    private static final Set<String> COUNTRIES = validCountries();

    private final MineralService minerals;
    private final AlertOutbox alerts;
    private final VersionedCache cache;

    ExportControlService(MineralService minerals, AlertOutbox alerts, VersionedCache cache) {
        this.minerals = minerals;
        this.alerts = alerts;
        this.cache = cache;
    }

    /** Read again only after the table changed or the day did (a control's status depends on today). */
    public List<ExportControlDto> search(ExportControlFilter filter) {
        return cache.get(VersionedCache.Table.EXPORT_CONTROL, "search",
                VersionedCache.args(filter, LocalDate.now(ZoneOffset.UTC)), () -> read(filter));
    }

    private List<ExportControlDto> read(ExportControlFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.imposingCountry() != null) {
            clauses.add("imposingCountry = :imposing");
            params.put("imposing", filter.imposingCountry().toUpperCase(Locale.ROOT));
        }
        if (filter.mineral() != null) {
            clauses.add("array_contains(mineralIds, :mineral)");
            params.put("mineral", filter.mineral());
        }
        if (filter.target() != null) {
            clauses.add("(targetsAll = true or array_contains(targets, :target))");
            params.put("target", filter.target().toUpperCase(Locale.ROOT));
        }
        if (filter.activeOn() != null) {
            clauses.add("measure <> 'suspension'");
        }
        String where = clauses.isEmpty() ? "" : String.join(" and ", clauses) + " ";
        List<ExportControl> controls = ExportControl.list(where + "order by effectiveDate, id", params);
        return toDtos(controls, filter.activeOn());
    }

    public ExportControlDto get(String id) {
        ExportControl control = ExportControl.findById(id);
        if (control == null) {
            throw new ResourceNotFoundException("export control", id);
        }
        return toDtos(List.of(control), null).get(0);
    }

    /** Keyed by id, from one query (plus one for their suspensions); unknown ids are absent. */
    public Map<String, ExportControlDto> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ExportControl> controls = ExportControl.list("id in ?1", new HashSet<>(ids));
        return toDtos(controls, null).stream().collect(Collectors.toMap(ExportControlDto::id, c -> c));
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
        List<ExportControl> controls = ExportControl.<ExportControl>list("order by effectiveDate, id").stream()
                .filter(c -> c.mineralIds.stream().anyMatch(wanted::contains)).toList();
        Map<String, List<ExportControlDto>> grouped = new HashMap<>();
        for (ExportControlDto dto : toDtos(controls, null)) {
            for (String mineral : dto.minerals()) {
                grouped.computeIfAbsent(mineral, k -> new ArrayList<>()).add(dto);
            }
        }
        grouped.replaceAll((mineral, list) -> List.copyOf(list));
        return Map.copyOf(grouped);
    }

    @Transactional
    public ExportControlDto record(NewExportControl in, String recordedBy) {
        List<FieldError> errors = new ArrayList<>();
        String imposing = upper(in.imposingCountry());
        if (imposing == null) {
            errors.add(FieldError.of("imposingCountry", "is required"));
        } else if (!COUNTRIES.contains(imposing)) {
            errors.add(FieldError.of("imposingCountry", "unknown country code '" + in.imposingCountry() + "'"));
        }
        List<String> mineralIds = in.minerals() == null ? List.of() : in.minerals();
        if (mineralIds.isEmpty()) {
            errors.add(FieldError.of("minerals", "at least one mineral is required"));
        } else {
            Set<String> known = minerals.knownIds();
            mineralIds.stream().filter(m -> !known.contains(m))
                    .forEach(m -> errors.add(FieldError.of("minerals", "unknown mineral '" + m + "'")));
        }
        List<String> targets = in.targets() == null ? List.of()
                : in.targets().stream().map(ExportControlService::upper).toList();
        boolean all = Boolean.TRUE.equals(in.targetsAll()) || targets.equals(List.of("ALL"));
        if (all) {
            targets = List.of();
        } else if (targets.isEmpty()) {
            errors.add(FieldError.of("targets", "name the target countries or set targetsAll"));
        }
        targets.stream().filter(t -> t == null || !COUNTRIES.contains(t))
                .forEach(t -> errors.add(FieldError.of("targets", "unknown country code '" + t + "'")));
        String measure = in.measure() == null ? null : in.measure().toLowerCase(Locale.ROOT);
        if (measure == null || !MEASURES.contains(measure)) {
            errors.add(FieldError.of("measure", "must be one of " + MEASURES.stream().sorted().toList()));
        }
        LocalDate announced = date("announcedDate", in.announcedDate(), errors);
        LocalDate effective = date("effectiveDate", in.effectiveDate(), errors);
        LocalDate ends = date("endsDate", in.endsDate(), errors);
        if (effective == null && announced == null && errors.stream().noneMatch(e -> e.field().endsWith("Date"))) {
            errors.add(FieldError.of("effectiveDate", "an effective or announcement date is required"));
        }
        if (announced != null && effective != null && effective.isBefore(announced)) {
            errors.add(FieldError.of("effectiveDate", "is before announcedDate"));
        }
        LocalDate start = effective != null ? effective : announced;
        if (start != null && ends != null && ends.isBefore(start)) {
            errors.add(FieldError.of("endsDate", "is before the control takes effect"));
        }
        if ("suspension".equals(measure)) {
            if (in.suspends() == null) {
                errors.add(FieldError.of("suspends", "a suspension names the control it suspends"));
            } else if (ExportControl.findById(in.suspends()) == null) {
                errors.add(FieldError.of("suspends", "unknown export control '" + in.suspends() + "'"));
            }
        } else if (in.suspends() != null) {
            errors.add(FieldError.of("suspends", "only a suspension may name a control to suspend"));
        }
        if (in.source() == null || in.source().isBlank()) {
            errors.add(FieldError.of("source", "is required: every fact keeps its source"));
        }
        String id = in.id() == null ? null : in.id().trim();
        if (id != null && !id.matches("[A-Z0-9][A-Z0-9-]{2,63}")) {
            errors.add(FieldError.of("id", "use upper-case letters, digits and '-' (e.g. EC-2026-CN-XX)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (id == null) {
            id = "EC-" + (start == null ? "" : start.getYear() + "-") + imposing + "-"
                    + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
        if (ExportControl.findById(id) != null) {
            throw new ConflictException("export control '" + id + "' already exists");
        }
        ExportControl control = new ExportControl();
        control.id = id;
        control.imposingCountry = imposing;
        control.mineralIds = List.copyOf(mineralIds);
        control.targets = List.copyOf(targets);
        control.targetsAll = all;
        control.measure = measure;
        control.announcedDate = in.announcedDate();
        control.effectiveDate = in.effectiveDate();
        control.endsDate = in.endsDate();
        control.suspendsId = in.suspends();
        control.summary = in.summary();
        control.source = in.source();
        control.statusNote = in.statusNote();
        control.recordedBy = recordedBy;
        control.persist();
        ExportControlDto recorded = toDtos(List.of(control), null).get(0);
        alerts.exportControlRecorded(recorded, control.suspendsId == null ? null : get(control.suspendsId));
        return recorded;
    }

    private List<ExportControlDto> toDtos(List<ExportControl> controls, LocalDate activeOn) {
        if (controls.isEmpty()) {
            return List.of();
        }
        Set<String> ids = controls.stream().map(c -> c.id).collect(Collectors.toSet());
        Map<String, List<ExportControl>> suspensions = ExportControl.<ExportControl>list("suspendsId in ?1", ids)
                .stream().collect(Collectors.groupingBy(s -> s.suspendsId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<ExportControlDto> result = new ArrayList<>();
        for (ExportControl control : controls) {
            List<ExportControl> own = suspensions.getOrDefault(control.id, List.of());
            if (activeOn != null && !inEffect(control, own, activeOn)) {
                continue;
            }
            result.add(MineralMapper.toDto(control, status(control, own, today)));
        }
        return result;
    }

    static boolean inEffect(ExportControl control, List<ExportControl> suspensions, LocalDate day) {
        return ControlPeriod.covers(startOf(control), control.endsDate, day)
                && suspensions.stream().noneMatch(s -> ControlPeriod.covers(startOf(s), s.endsDate, day));
    }

    private static String status(ExportControl control, List<ExportControl> suspensions, LocalDate today) {
        LocalDate start = ControlPeriod.start(startOf(control));
        LocalDate ends = ControlPeriod.start(control.endsDate);
        if (ends != null && today.isAfter(ends)) {
            return "ENDED";
        }
        if (start != null && today.isBefore(start)) {
            return "ANNOUNCED";
        }
        if (suspensions.stream().anyMatch(s -> ControlPeriod.covers(startOf(s), s.endsDate, today))) {
            return "SUSPENDED";
        }
        return "IN_FORCE";
    }

    private static String startOf(ExportControl control) {
        return control.effectiveDate != null ? control.effectiveDate : control.announcedDate;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ControlPeriod.start(value);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, e.getMessage()));
            return null;
        }
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static Set<String> validCountries() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("EU");
        return Set.copyOf(codes);
    }
}
