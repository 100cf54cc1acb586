package org.lodestone.mineral.graphql;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.AlertKind;

@Name("ExportControlAlert")
@Description("""
        An export control was recorded (EXPORT_CONTROL_RECORDED) or suspended (EXPORT_CONTROL_SUSPENDED; exportControl \
        is the suspended control, suspension the record that suspends it). hitMembers: the coalition members it hits \
        by the scenario rule (the members among its targets, or every member for a control on all destinations).""")
public class ExportControlAlertNode implements AlertNode {

    private final String id;
    private final AlertKind kind;
    private final OffsetDateTime occurredAt;
    private final List<String> countries;
    private final ExportControl exportControl;
    private final Country imposingCountry;
    private final List<Mineral> minerals;
    private final List<Country> hitMembers;
    private final ExportControl suspension;

    ExportControlAlertNode(String id, AlertKind kind, OffsetDateTime occurredAt, List<String> countries,
            ExportControl exportControl, Country imposingCountry, List<Mineral> minerals, List<Country> hitMembers,
            ExportControl suspension) {
        this.id = id;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.countries = countries;
        this.exportControl = exportControl;
        this.imposingCountry = imposingCountry;
        this.minerals = minerals;
        this.hitMembers = hitMembers;
        this.suspension = suspension;
    }

    @Id
    @Override
    public @NonNull String getId() {
        return id;
    }

    @Override
    public @NonNull AlertKind getKind() {
        return kind;
    }

    @Override
    public @NonNull OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    @Override
    public @NonNull List<@NonNull String> getCountries() {
        return countries;
    }

    public ExportControl getExportControl() {
        return exportControl;
    }

    public @NonNull Country getImposingCountry() {
        return imposingCountry;
    }

    public @NonNull List<@NonNull Mineral> getMinerals() {
        return minerals;
    }

    public @NonNull List<@NonNull Country> getHitMembers() {
        return hitMembers;
    }

    public ExportControl getSuspension() {
        return suspension;
    }
}
