package org.lodestone.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a free loopback port: records every POST per path and answers each with the next status
 * queued for its path (200 when none is queued, or always the status set with {@link #alwaysAnswer}).
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Deque<Integer>> queued = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** A fresh Standard Webhooks secret: whsec_ and base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A verifier written from the Standard Webhooks specification, independent of the services' signer. */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader)
            throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String candidate : signatureHeader.split(" ")) {
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    public void answer(String path, Integer... statuses) {
        queued.put("/" + path, new ArrayDeque<>(List.of(statuses)));
    }

    public void alwaysAnswer(String path, int status) {
        always.put("/" + path, status);
    }

    /** Answers requests on the path only after this long (a slow receiver). */
    public void delay(String path, Duration delay) {
        delays.put("/" + path, delay);
    }

    public synchronized List<Received> on(String path) {
        return received.stream().filter(r -> r.path().equals("/" + path)).toList();
    }

    /** Waits until the path has received at least {@code count} requests matching {@code which}. */
    public List<Received> await(String path, int count, Predicate<Received> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = on(path).stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(50);
        }
        return on(path).stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Deque<Integer> statuses = queued.get(path);
        Integer next = statuses == null ? null : statuses.poll();
        int status = always.getOrDefault(path, next == null ? 200 : next);
        synchronized (this) {
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
        }
        Duration delay = delays.get(path);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = (status == 200 ? "thanks" : "receiver error " + status + " " + "x".repeat(400))
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
