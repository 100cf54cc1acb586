package org.lodestone.agreement.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lodestone.agreement.service.AgreementWebhooks;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.webhook.WebhookCaller;
import org.lodestone.support.webhook.WebhookNodes;
import org.lodestone.support.webhook.WebhookNodes.WebhookDeliveryNode;
import org.lodestone.support.webhook.WebhookNodes.WebhookDeliveryStateNode;
import org.lodestone.support.webhook.WebhookNodes.WebhookInput;
import org.lodestone.support.webhook.WebhookNodes.WebhookNode;
import org.lodestone.support.webhook.WebhookRegistrations;

import io.quarkus.security.identity.SecurityIdentity;

/** Signed webhooks for agreement-service's alerts (rules and types shared: {@code org.lodestone.support.webhook}). */
@DatabaseOutageAware
@GraphQLApi
public class WebhookGraphApi {

    private final WebhookRegistrations webhooks;
    private final SecurityIdentity identity;

    public WebhookGraphApi(AgreementWebhooks webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks.registrations();
        this.identity = identity;
    }

    @Mutation("registerWebhook")
    @Description("""
            Admins (any countries) and members (their own country only, else FORBIDDEN). Events are POSTed as JSON \
            with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) and retried with \
            backoff for 24 hours until a 2xx answer.""")
    public @NonNull WebhookNode registerWebhook(@NonNull WebhookInput input) {
        return WebhookNodes.register(webhooks, caller(), input);
    }

    @Query("webhooks")
    @Description("The webhooks the caller may manage: all for admins, their own country's for members.")
    public @NonNull List<@NonNull WebhookNode> webhooks() {
        return WebhookNodes.list(webhooks, caller());
    }

    @Mutation("deleteWebhook")
    @Description("Deletes a webhook the caller may manage, with its deliveries (pending ones are not sent); returns it.")
    public @NonNull WebhookNode deleteWebhook(@Id @NonNull String id) {
        return WebhookNodes.delete(webhooks, caller(), id);
    }

    @Query("webhookDeliveries")
    @Description("A webhook's deliveries, newest first, with every attempt; at most limit (1..500).")
    public @NonNull List<@NonNull WebhookDeliveryNode> webhookDeliveries(@Id @NonNull String webhookId,
            WebhookDeliveryStateNode state, @DefaultValue("50") int limit) {
        return WebhookNodes.deliveries(webhooks, caller(), webhookId, state, limit);
    }

    private WebhookCaller caller() {
        return WebhookCaller.of(identity);
    }
}
