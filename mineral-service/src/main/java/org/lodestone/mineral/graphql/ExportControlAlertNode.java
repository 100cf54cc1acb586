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
    private final ExportControlNode exportControl;
    private final CountryNode imposingCountry;
    private final List<MineralNode> minerals;
    private final List<CountryNode> hitMembers;
    private final ExportControlNode suspension;

    ExportControlAlertNode(String id, AlertKind kind, OffsetDateTime occurredAt, List<String> countries,
            ExportControlNode exportControl, CountryNode imposingCountry, List<MineralNode> minerals, List<CountryNode> hitMembers,
            ExportControlNode suspension) {
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

    public ExportControlNode getExportControl() {
        return exportControl;
    }

    public @NonNull CountryNode getImposingCountry() {
        return imposingCountry;
    }

    public @NonNull List<@NonNull MineralNode> getMinerals() {
        return minerals;
    }

    public @NonNull List<@NonNull CountryNode> getHitMembers() {
        return hitMembers;
    }

    public ExportControlNode getSuspension() {
        return suspension;
    }
}
