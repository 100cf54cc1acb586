package org.lodestone.support.webhook;

/**
 * The owning service's visibility rule for webhooks: may an event be sent to this webhook (judged as the one who
 * registered it: an admin, or a member of {@link WebhookTarget#ownerCountry()})?
 */
@FunctionalInterface
public interface WebhookAudience {

    boolean mayReceive(WebhookTarget webhook, OutboxRecord event);
}
