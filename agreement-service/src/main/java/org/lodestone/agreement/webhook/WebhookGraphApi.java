package org.lodestone.agreement.webhook;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lodestone.agreement.webhook.WebhookNodes.WebhookDeliveryNode;
import org.lodestone.agreement.webhook.WebhookNodes.WebhookDeliveryStateNode;
import org.lodestone.agreement.webhook.WebhookNodes.WebhookInput;
import org.lodestone.agreement.webhook.WebhookNodes.WebhookNode;
import org.lodestone.support.DatabaseOutageAware;

/** Signed webhooks for agreement-service's alerts. */
@DatabaseOutageAware
@GraphQLApi
public class WebhookGraphApi {

    private final WebhookService webhooks;

    public WebhookGraphApi(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Mutation("registerWebhook")
    @Description("""
            Admins (any countries) and members (their own country only, else FORBIDDEN). Events are POSTed as JSON \
            with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) and retried with \
            backoff for 24 hours until a 2xx answer.""")
    public @NonNull WebhookNode registerWebhook(@NonNull WebhookInput input) {
        return WebhookNodes.webhook(webhooks.register(WebhookNodes.registration(input)));
    }

    @Query("webhooks")
    @Description("The webhooks the caller may manage: all for admins, their own country's for members.")
    public @NonNull List<@NonNull WebhookNode> webhooks() {
        return webhooks.list().stream().map(WebhookNodes::webhook).toList();
    }

    @Mutation("deleteWebhook")
    @Description("Deletes a webhook the caller may manage, with its deliveries (pending ones are not sent); returns it.")
    public @NonNull WebhookNode deleteWebhook(@Id @NonNull String id) {
        return WebhookNodes.webhook(webhooks.delete(id));
    }

    @Query("webhookDeliveries")
    @Description("A webhook's deliveries, newest first, with every attempt; at most limit (1..500).")
    public @NonNull List<@NonNull WebhookDeliveryNode> webhookDeliveries(@Id @NonNull String webhookId,
            WebhookDeliveryStateNode state, @DefaultValue("50") int limit) {
        return webhooks.deliveries(webhookId, WebhookNodes.state(state), limit).stream()
                .map(WebhookNodes::delivery).toList();
    }
}
