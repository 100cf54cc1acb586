package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lodestone.mineral.service.MineralWebhooks;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.webhook.WebhookNodes;
import org.lodestone.support.webhook.WebhookNodes.WebhookDeliveryNode;
import org.lodestone.support.webhook.WebhookNodes.WebhookDeliveryStateNode;
import org.lodestone.support.webhook.WebhookNodes.WebhookInput;
import org.lodestone.support.webhook.WebhookNodes.WebhookNode;
import org.lodestone.support.webhook.WebhookRegistrations;
import org.lodestone.support.webhook.WebhookCaller;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Signed webhooks for export-control and price-move alerts, registered and stored here, in mineral-service (the
 * rules and types are agreement-service's too: {@code org.lodestone.support.webhook}).
 */
@DatabaseOutageAware
@GraphQLApi
public class ExportControlWebhookGraphApi {

    private final WebhookRegistrations webhooks;
    private final SecurityIdentity identity;

    ExportControlWebhookGraphApi(MineralWebhooks webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks.registrations();
        this.identity = identity;
    }

    @Mutation("registerExportControlWebhook")
    @Description("""
            For mineral-service's alerts (EXPORT_CONTROL_RECORDED, EXPORT_CONTROL_SUSPENDED, EXPORT_CONTROL_ENDED, \
            PRICE_MOVE). Admins (any countries) and members (their own country only, else FORBIDDEN). Signed like \
            registerWebhook's deliveries and retried with backoff for 24 hours until a 2xx answer.""")
    public @NonNull WebhookNode registerExportControlWebhook(@NonNull WebhookInput input) {
        return WebhookNodes.register(webhooks, WebhookCaller.of(identity), input);
    }

    @Query("exportControlWebhooks")
    @Description("The export-control webhooks the caller may manage: all for admins, their own country's for members.")
    public @NonNull List<@NonNull WebhookNode> exportControlWebhooks() {
        return WebhookNodes.list(webhooks, WebhookCaller.of(identity));
    }

    @Mutation("deleteExportControlWebhook")
    @Description("Deletes an export-control webhook the caller may manage, with its deliveries; returns it.")
    public @NonNull WebhookNode deleteExportControlWebhook(@Id @NonNull String id) {
        return WebhookNodes.delete(webhooks, WebhookCaller.of(identity), id);
    }

    @Query("exportControlWebhookDeliveries")
    @Description("An export-control webhook's deliveries, newest first, with every attempt; at most limit (1..500).")
    public @NonNull List<@NonNull WebhookDeliveryNode> exportControlWebhookDeliveries(@Id @NonNull String webhookId,
            WebhookDeliveryStateNode state, @DefaultValue("50") int limit) {
        return WebhookNodes.deliveries(webhooks, WebhookCaller.of(identity), webhookId, state, limit);
    }
}
