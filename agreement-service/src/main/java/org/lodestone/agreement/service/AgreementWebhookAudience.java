package org.lodestone.agreement.service;

import java.util.Set;

import org.lodestone.agreement.Visibility;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.webhook.OutboxRecord;
import org.lodestone.support.webhook.WebhookAudience;
import org.lodestone.support.webhook.WebhookTarget;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A webhook receives what its registrant may read: an admin's, everything; a member's, what a member of its country
 * may see ({@link VisibilityPolicy}, with the visibility and parties the event was written with), so a PARTIES
 * agreement's events reach only its parties' webhooks and admins'.
 */
@ApplicationScoped
public class AgreementWebhookAudience implements WebhookAudience {

    private final VisibilityPolicy visibility;

    public AgreementWebhookAudience(VisibilityPolicy visibility) {
        this.visibility = visibility;
    }

    @Override
    public boolean mayReceive(WebhookTarget webhook, OutboxRecord event) {
        Caller registrant = webhook.adminRegistered()
                ? new Caller("webhook", "webhook", null, Set.of(Caller.ADMIN))
                : new Caller("webhook", "webhook", webhook.ownerCountry(), Set.of(Caller.MEMBER));
        return visibility.canSee(registrant, Visibility.valueOf(event.visibility()),
                event.parties().toArray(String[]::new));
    }
}
