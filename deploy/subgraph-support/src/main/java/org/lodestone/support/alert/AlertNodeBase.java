package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The {@link AlertNode} fields of one alert read from the outbox; a service's alert type extends this class, declares
 * {@code implements AlertNode} itself and adds what it reports. This class does not implement the interface, or
 * SmallRye GraphQL would publish it as one more {@code Alert} type.
 */
public abstract class AlertNodeBase {

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
    public @NonNull String getId() {
        return id;
    }

    public @NonNull AlertKind getKind() {
        return kind;
    }

    public @NonNull OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public @NonNull List<@NonNull String> getCountries() {
        return countries;
    }
}
