package org.lodestone.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Serves the test signing key as a JWKS over HTTP, the way Keycloak serves its certs endpoint, and can be stopped
 * mid-test to stand for Keycloak going down.
 */
public class JwksServerResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer server;

    /** How many times the JWKS was fetched. */
    public static int requests() {
        return REQUESTS.get();
    }

    /** Keycloak goes away: the port no longer answers. */
    public static void stopServing() {
        server.stop(0);
    }

    @Override
    public Map<String, String> start() {
        try {
            byte[] jwks = jwks().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/certs", exchange -> {
                REQUESTS.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location",
                "http://localhost:" + server.getAddress().getPort() + "/certs");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String jwks() {
        try (InputStream in = JwksServerResource.class.getClassLoader().getResourceAsStream("lodestone-test-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return new JsonWebKeySet(jwk).toJson();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test JWKS", e);
        }
    }
}
