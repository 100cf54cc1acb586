package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.localstack.LocalStack;

import com.sun.net.httpserver.HttpServer;

/**
 * Webhooks survive a crash: events are committed while the receiver refuses them, agreement-service is killed
 * (SIGKILL) with their deliveries pending, the supervisor starts it again, and every event then arrives, signed,
 * acknowledged exactly once per webhook-id.
 */
@Order(7)
@ExtendWith(RunningStack.class)
class WebhookRestartTest {

    private static final String REGISTER = """
            mutation Register($input: WebhookInput!) { registerWebhook(input: $input) { id url countries } }
            """;
    private static final String CREATE = """
            mutation Create($input: NewAgreement!) { createAgreement(input: $input) { id } }
            """;
    private static final String DELIVERIES = """
            query Deliveries($id: ID!) { webhookDeliveries(webhookId: $id) { eventId state attempts { httpStatus error } } }
            """;
    private static final String DELETE = "mutation Delete($id: ID!) { deleteWebhook(id: $id) { id } }";

    private record Received(String id, String timestamp, String signature, String body, boolean signed,
            int answered) {
    }

    @Test
    void deliveriesPendingWhenTheServiceIsKilledArriveAfterItsRestart() throws Exception {
        LocalStack stack = RunningStack.stack();
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);

        List<Received> received = new ArrayList<>();
        int[] answer = { 503 };
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean signed = verify(key, id, timestamp, body, signature);
            int status;
            synchronized (received) {
                status = answer[0];
                received.add(new Received(id, timestamp, signature, body, signed, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(2));
        receiver.start();
        String webhook = null;
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            step("coalition-admin registers a webhook for new agreements concerning KR at " + url
                    + "; the receiver answers 503 for now");
            Map<String, Object> input = new HashMap<>();
            input.put("url", url);
            input.put("kinds", List.of("AGREEMENT_CREATED"));
            input.put("countries", List.of("KR"));
            input.put("secret", secret);
            Graphql.Result registered = graphql.call(admin, REGISTER, Map.of("input", input)).withoutErrors();
            step("  -> " + registered.body());
            webhook = registered.get("data.registerWebhook.id");

            List<String> agreements = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = "AG-E2E-HOOK-" + System.nanoTime() % 1_000_000 + "-" + i;
                graphql.call(admin, CREATE, Map.of("input", Map.of("id", id, "title", "Webhook restart " + i,
                        "type", "MOU", "parties", List.of("KR", "US"), "minerals", List.of("graphite"),
                        "visibility", "PUBLIC", "status", "SIGNED", "signedOn", "2026-05-01",
                        "source", "Lodestone end-to-end test"))).withoutErrors();
                agreements.add(id);
            }
            step("3 agreements committed: " + agreements);
            Map<String, String> eventOf = await(() -> {
                Map<String, String> seen = new LinkedHashMap<>();
                synchronized (received) {
                    for (Received r : received) {
                        agreements.stream().filter(a -> r.body().contains("\"" + a + "\"")).findFirst()
                                .ifPresent(a -> seen.put(a, r.id()));
                    }
                }
                return seen.size() == 3 ? seen : null;
            }, Duration.ofSeconds(60), "every event's first attempt");
            step("first attempts seen and refused with 503, one webhook-id per event: " + eventOf.values());

            long pid = stack.pid(LocalStack.AGREEMENT);
            int restarts = stack.restarts(LocalStack.AGREEMENT);
            step("killing agreement-service (SIGKILL, pid " + pid + ") with the 3 deliveries pending");
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            synchronized (received) {
                answer[0] = 200;
            }
            step("the receiver answers 200 from now on; waiting for the supervisor to restart agreement-service");
            await(() -> stack.restarts(LocalStack.AGREEMENT) > restarts && stack.isRunning(LocalStack.AGREEMENT)
                    && ready(stack) ? Boolean.TRUE : null, Duration.ofSeconds(240), "agreement-service restarted");
            assertNotEquals(pid, stack.pid(LocalStack.AGREEMENT));
            step("agreement-service is back (pid " + stack.pid(LocalStack.AGREEMENT) + ")");

            List<Received> acknowledged = await(() -> {
                synchronized (received) {
                    List<Received> ok = received.stream().filter(r -> r.answered() == 200).toList();
                    return ok.size() >= 3 ? ok : null;
                }
            }, Duration.ofSeconds(120), "the 3 deliveries after the restart");
            Thread.sleep(3000); // anything sent twice would arrive now
            synchronized (received) {
                List<Received> ok = received.stream().filter(r -> r.answered() == 200).toList();
                step("receiver: " + received.size() + " requests, " + ok.size() + " answered 200, ids "
                        + ok.stream().map(Received::id).toList());
                assertEquals(3, ok.size(), "each event acknowledged exactly once: " + ok);
                assertEquals(List.copyOf(eventOf.values()).stream().sorted().toList(),
                        ok.stream().map(Received::id).sorted().toList(), "the same webhook-ids as before the kill");
                assertTrue(received.stream().allMatch(Received::signed), "every request carried a valid signature");
                Received last = ok.get(ok.size() - 1);
                step("  last request: webhook-id " + last.id() + ", webhook-timestamp " + last.timestamp()
                        + ", webhook-signature " + last.signature() + ", body " + last.body());
            }
            String hook = webhook;
            Graphql.Result deliveries = await(() -> {
                Graphql.Result result = graphql.call(admin, DELIVERIES, Map.of("id", hook));
                List<String> states = result.errors().isEmpty() ? result.get("data.webhookDeliveries.state") : null;
                return states != null && states.equals(List.of("DELIVERED", "DELIVERED", "DELIVERED")) ? result : null;
            }, Duration.ofSeconds(60), "3 DELIVERED deliveries");
            step("webhookDeliveries: " + deliveries.body());
            assertEquals(3, acknowledged.size());
        } finally {
            if (webhook != null) {
                graphql.call(admin, DELETE, Map.of("id", webhook));
            }
            receiver.stop(0);
        }
    }

    private static boolean verify(byte[] key, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8))))
                    .getBytes(StandardCharsets.UTF_8);
            return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean ready(LocalStack stack) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + stack.settings().ports().agreement() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T await(Supplier<T> probe, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (AssertionError | RuntimeException e) {
                // the gateway may answer SUBGRAPH_UNAVAILABLE for a moment after the restart
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
}
