package org.lodestone.agreement.graphql;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.agreement.AlertKind;

/** The fields every alert has, whichever service emitted it (mineral-service declares the same interface). */
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
