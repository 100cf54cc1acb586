package org.lodestone.support.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the bytes of a
 * {@code whsec_<base64>} secret (the form Standard Webhooks libraries accept as they are).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final int MIN_KEY_BYTES = 24;
    public static final int MAX_KEY_BYTES = 64;

    private WebhookSignature() {
    }

    /** The key bytes of a {@code whsec_} secret, or an {@link IllegalArgumentException} saying what is wrong. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("must start with " + SECRET_PREFIX
                    + " followed by base64 (e.g. whsec_$(openssl rand -base64 32))");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the part after " + SECRET_PREFIX + " is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("must decode to " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, got " + key.length);
        }
        return key;
    }

    /** The {@code webhook-signature} header value for one attempt. */
    public static String sign(byte[] key, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * True when one of the space-separated signatures in {@code header} is the {@code v1} signature of the message
     * (compared in constant time).
     */
    public static boolean verify(byte[] key, String id, long timestamp, String body, String header) {
        byte[] expected = sign(key, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
