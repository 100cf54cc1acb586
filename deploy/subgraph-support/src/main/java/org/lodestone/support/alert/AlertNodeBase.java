package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** The {@link AlertNode} fields of one alert read from the outbox; a service's alert type adds what it reports. */
public abstract class AlertNodeBase implements AlertNode {

    private final String id;
    private final AlertKind kind;
    private final OffsetDateTime occurredAt;
    private final List<String> countries;

    protected AlertNodeBase(AlertView<?> alert) {
        this.id = alert.id().toString();
        this.kind = alert.kind();
        this.occurredAt = alert.occurredAt();
        this.countries = alert.countries();
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
}
