package org.lodestone.agreement.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditEvent")
public record AuditEventNode(
        @Id @NonNull String id,
        @NonNull String entity,
        @NonNull String entityId,
        @NonNull String operation,
        @NonNull String subject,
        String country,
        @Description("ISO-8601 instant, UTC.") @NonNull String occurredAt,
        @Description("JSON of the record before the change; null for creations.") String before,
        @Description("JSON of the record after the change.") String after,
        String reason) {
}
