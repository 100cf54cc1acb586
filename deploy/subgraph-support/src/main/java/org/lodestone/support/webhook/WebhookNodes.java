package org.lodestone.support.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lodestone.support.alert.AlertKind;

import io.smallrye.graphql.api.federation.Shareable;

/**
 * The GraphQL types of the webhook API, the same in every subgraph that has webhooks (value types shared in the
 * supergraph), their mapping from the engine's records, and the four operations each service exposes under its own
 * field names.
 */
public final class WebhookNodes {

    private WebhookNodes() {
    }

    @Input("WebhookInput")
    @Description("""
            url: where events are POSTed (https, public address). kinds: alert kinds the service emits. countries: \
            events concerning any of these (a member's webhook is for its own country, the default; an admin's for \
            all countries when none are named). secret: whsec_ followed by base64 of 24 to 64 random bytes; it signs \
            every delivery and is never returned.""")
    public record WebhookInput(
            @NonNull String url,
            @NonNull List<@NonNull AlertKind> kinds,
            List<String> countries,
            @NonNull String secret) {
    }

    @Type("Webhook")
    @Shareable
    @Description("A registered webhook (its secret is write-only). ownerCountry: null when an admin registered it.")
    public record WebhookNode(
            @Id @NonNull String id,
            @NonNull String url,
            @NonNull List<@NonNull AlertKind> kinds,
            @NonNull List<@NonNull String> countries,
            String ownerCountry,
            @NonNull String registeredBy,
            @NonNull OffsetDateTime createdAt) {
    }

    @Enum("WebhookDeliveryState")
    public enum WebhookDeliveryStateNode {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Type("WebhookDelivery")
    @Shareable
    @Description("""
            One event sent to one webhook: PENDING until a 2xx answer (DELIVERED) or until the retry window has \
            passed (FAILED). eventId is the webhook-id header of every attempt.""")
    public record WebhookDeliveryNode(
            @Id @NonNull String id,
            @Id @NonNull String eventId,
            @NonNull AlertKind kind,
            @NonNull WebhookDeliveryStateNode state,
            @NonNull OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime completedAt,
            @NonNull List<@NonNull WebhookAttemptNode> attempts) {
    }

    @Type("WebhookAttempt")
    @Shareable
    @Description("""
            One POST: the HTTP status (null when no answer came), the start of the response body, and what went \
            wrong (null on success).""")
    public record WebhookAttemptNode(
            int number,
            @NonNull OffsetDateTime attemptedAt,
            Integer httpStatus,
            String responseExcerpt,
            String error,
            int durationMs) {
    }

    public static WebhookNode register(WebhookRegistrations registrations, WebhookCaller caller, WebhookInput input) {
        return webhook(registrations.register(caller,
                new WebhookRegistration(input.url(), input.kinds(), input.countries(), input.secret())));
    }

    public static List<WebhookNode> list(WebhookRegistrations registrations, WebhookCaller caller) {
        return registrations.list(caller).stream().map(WebhookNodes::webhook).toList();
    }

    public static WebhookNode delete(WebhookRegistrations registrations, WebhookCaller caller, String id) {
        return webhook(registrations.delete(caller, id));
    }

    public static List<WebhookDeliveryNode> deliveries(WebhookRegistrations registrations, WebhookCaller caller,
            String webhookId, WebhookDeliveryStateNode state, int limit) {
        return registrations.deliveries(caller, webhookId, state == null ? null : DeliveryState.valueOf(state.name()),
                limit).stream().map(WebhookNodes::delivery).toList();
    }

    private static WebhookNode webhook(WebhookTarget w) {
        return new WebhookNode(w.id().toString(), w.url(), w.kinds().stream().map(AlertKind::valueOf).toList(),
                w.countries(), w.ownerCountry(), w.createdBy(), w.createdAt());
    }

    private static WebhookDeliveryNode delivery(DeliveryView d) {
        return new WebhookDeliveryNode(d.id().toString(), d.eventId().toString(), AlertKind.valueOf(d.eventKind()),
                WebhookDeliveryStateNode.valueOf(d.state().name()), d.createdAt(), d.nextAttemptAt(), d.completedAt(),
                d.attempts().stream().map(a -> new WebhookAttemptNode(a.number(), a.attemptedAt(), a.httpStatus(),
                        a.responseExcerpt(), a.error(), a.durationMillis())).toList());
    }
}
