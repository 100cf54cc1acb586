package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The fields every alert has, whichever service emitted it. Both alerting subgraphs declare this interface, so the
 * supergraph merges one {@code Alert}; each service's alert types extend {@link AlertNodeBase}.
 */
@Interface
@Name("Alert")
@Description("An event from a service's transactional outbox. countries: the countries it concerns.")
public interface AlertNode {

    @Id
    @NonNull
    String getId();

    @NonNull
    AlertKind getKind();

    @NonNull
    OffsetDateTime getOccurredAt();

    @NonNull
    List<@NonNull String> getCountries();
}
