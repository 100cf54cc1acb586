package org.lodestone.support.webhook;

import java.util.List;

import org.lodestone.support.alert.AlertKind;

/** What a caller asks to register; the secret is write-only (stored sealed, never returned). */
public record WebhookRegistration(String url, List<AlertKind> kinds, List<String> countries, String secret) {

    @Override
    public String toString() {
        return "WebhookRegistration[url=" + url + ", kinds=" + kinds + ", countries=" + countries + ", secret=***]";
    }
}
