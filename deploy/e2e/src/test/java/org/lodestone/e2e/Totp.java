package org.lodestone.e2e;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA1, the way an authenticator app computes
 * them from the secret Keycloak shows during enrolment (Base32, RFC 4648).
 */
final class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;

    private final byte[] key;

    private Totp(byte[] key) {
        this.key = key.clone();
    }

    /** From the secret as Keycloak displays it for manual entry: Base32, grouped with spaces. */
    static Totp fromBase32(String displayed) {
        return new Totp(base32Decode(displayed));
    }

    static Totp fromKey(byte[] key) {
        return new Totp(key);
    }

    /** The time step (RFC 6238 T) that contains the given instant. */
    static long timeStep(long epochSeconds) {
        return Math.floorDiv(epochSeconds, PERIOD_SECONDS);
    }

    static long currentTimeStep() {
        return timeStep(System.currentTimeMillis() / 1000);
    }

    String code(long timeStep) {
        return code(timeStep, DIGITS);
    }

    /** RFC 4226 section 5.3: HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits, zero-padded. */
    String code(long timeStep, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(timeStep).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        String code = Long.toString(binary % modulus);
        return "0".repeat(digits - code.length()) + code;
    }

    /** RFC 4648 Base32 (alphabet A-Z 2-7); spaces and padding are ignored, case does not matter. */
    static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 character: '" + c + "' in " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
