package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.lodestone.mineral.ControlMeasure;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;

/** Checks an export control to record and normalises it; every problem is reported at once, per field. */
final class ExportControlValidator {

    private static final Set<String> COUNTRIES = validCountries();

    private ExportControlValidator() {
    }

    /**
     * The control as it is recorded: codes upper-cased, the measure lower-cased, {@code targetsAll} set, an id made
     * up when none was given.
     *
     * @param knownMinerals the minerals a control may name
     * @param exists whether an export control with that id is recorded (for {@code suspends})
     * @throws InvalidInputException naming every field in error
     */
    static NewExportControl validate(NewExportControl in, Set<String> knownMinerals, Predicate<String> exists) {
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
            mineralIds.stream().filter(m -> !knownMinerals.contains(m))
                    .forEach(m -> errors.add(FieldError.of("minerals", "unknown mineral '" + m + "'")));
        }
        List<String> targets = in.targets() == null ? List.of()
                : in.targets().stream().map(ExportControlValidator::upper).toList();
        boolean all = Boolean.TRUE.equals(in.targetsAll()) || targets.equals(List.of("ALL"));
        if (all) {
            targets = List.of();
        } else if (targets.isEmpty()) {
            errors.add(FieldError.of("targets", "name the target countries or set targetsAll"));
        }
        targets.stream().filter(t -> t == null || !COUNTRIES.contains(t))
                .forEach(t -> errors.add(FieldError.of("targets", "unknown country code '" + t + "'")));
        String measure = ControlMeasure.fromCode(in.measure()).map(ControlMeasure::code).orElse(null);
        if (measure == null) {
            errors.add(FieldError.of("measure", "must be one of " + ControlMeasure.CODES));
        }
        LocalDate start = checkDates(in, errors);
        if (ControlMeasure.SUSPENSION.code().equals(measure)) {
            if (in.suspends() == null) {
                errors.add(FieldError.of("suspends", "a suspension names the control it suspends"));
            } else if (!exists.test(in.suspends())) {
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
        return new NewExportControl(id, imposing, List.copyOf(mineralIds), List.copyOf(targets), all, measure,
                in.announcedDate(), in.effectiveDate(), in.endsDate(), in.suspends(), in.summary(), in.source(),
                in.statusNote());
    }

    /** Checks the dates against each other; returns the day the control takes effect, if known. */
    private static LocalDate checkDates(NewExportControl in, List<FieldError> errors) {
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
        return start;
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
