package org.lodestone.support.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification (also checked with openssl in the README). */
    @Test
    void signsTheStandardWebhooksExampleVector() {
        byte[] key = WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void verifiesOnlyTheExactMessage() {
        byte[] key = WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String header = WebhookSignature.sign(key, "id-1", 1700000000, "{\"a\":1}");
        assertTrue(WebhookSignature.verify(key, "id-1", 1700000000, "{\"a\":1}", "v1,bogus " + header));
        assertFalse(WebhookSignature.verify(key, "id-1", 1700000000, "{\"a\":2}", header));
        assertFalse(WebhookSignature.verify(key, "id-2", 1700000000, "{\"a\":1}", header));
        assertFalse(WebhookSignature.verify(key, "id-1", 1700000001, "{\"a\":1}", header));
    }

    @Test
    void refusesSecretsThatAreNotWhsecBase64OfEnoughBytes() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.key("plain-password-1234567890"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.key("whsec_not*base64"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.key("whsec_c2hvcnQ=")); // "short"
    }

    @Test
    void secretsSealedForOneWebhookOpenOnlyForIt() {
        SecretBox box = new SecretBox("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        String sealed = box.seal("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "webhook-1");
        assertFalse(sealed.contains("MfKQ9r8G"));
        assertEquals("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", box.open(sealed, "webhook-1"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "webhook-2"));
        SecretBox otherKey = new SecretBox("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        assertThrows(IllegalStateException.class, () -> otherKey.open(sealed, "webhook-1"));
    }
}
