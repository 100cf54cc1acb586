package org.lodestone.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Just enough JWT handling to read claims and to forge a token; the stack is what verifies them. */
final class Jwts {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    static Map<String, Object> header(String token) {
        return JsonPath.from(new String(DECODER.decode(token.split("\\.")[0]), StandardCharsets.UTF_8)).getMap("$");
    }

    static Map<String, Object> claims(String token) {
        return JsonPath.from(new String(DECODER.decode(token.split("\\.")[1]), StandardCharsets.UTF_8)).getMap("$");
    }

    /**
     * The header (same {@code kid}, same {@code alg}) and claims of a genuine token, with {@code admin} added to the
     * realm roles, signed with a fresh RSA key of our own: everything looks right except the signature.
     */
    static String forgeFrom(String genuine) {
        String[] parts = genuine.split("\\.");
        String payload = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[\"member\"]", "\"roles\":[\"member\",\"admin\"]");
        String signingInput = parts[0] + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey ours = generator.generateKeyPair().getPrivate();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(ours);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a genuine token with {@code "alg":"none"} and no signature. */
    static String unsignedFrom(String genuine) {
        String header = ENCODER.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + genuine.split("\\.")[1] + ".";
    }
}
