package org.lodestone.support.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the owning service's outbox events to the webhooks registered for them, from the same database.
 *
 * <ol>
 * <li>Fan-out: an event committed to the outbox is queued by a trigger in the same transaction
 * ({@code webhook_fanout_queue}); the deliverer turns each queued event into one {@code webhook_delivery} row per
 * matching webhook (kind, countries, and the service's {@link WebhookAudience}) and removes it from the queue in one
 * transaction. The body is fixed then, so every attempt sends the same bytes.</li>
 * <li>Delivery: due PENDING rows are claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} and stay locked while they
 * are sent, so two replicas never send the same delivery at once. A 2xx answer makes the row DELIVERED in the same
 * transaction that records the attempt; anything else schedules the next attempt ({@link RetrySchedule}) or, after
 * the retry window, makes it FAILED.</li>
 * </ol>
 * It wakes on the outbox's NOTIFY, when the next retry is due, and at least every sweep interval, so nothing waits
 * on a lost notification or a restart. Delivery is at least once: a process that dies after the receiver answered
 * but before its transaction commits leaves the row PENDING, and it is sent again (same {@code webhook-id}).
 * A DELIVERED row is never sent again.
 */
public class WebhookDeliverer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final int FANOUT_BATCH = 200;
    private static final Duration MIN_WAIT = Duration.ofMillis(100);
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(2);
    private static final String USER_AGENT = "Lodestone-Webhooks/1";

    private final DataSource dataSource;
    private final WebhookSettings settings;
    private final WebhookAudience audience;
    private final Optional<SecretBox> secrets;
    private final TargetUrlPolicy urlPolicy;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong fanoutBacklog = new AtomicLong();
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Counter failed;
    private volatile boolean running;
    private int failedListens;
    private Thread worker;
    private Thread listener;

    public WebhookDeliverer(DataSource dataSource, WebhookSettings settings, WebhookAudience audience,
            Optional<SecretBox> secrets, TargetUrlPolicy urlPolicy, MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.audience = audience;
        this.secrets = secrets;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Gauge.builder("lodestone.webhook.deliveries.pending", pending, AtomicLong::get)
                .description("Webhook deliveries not yet delivered or given up (all webhooks of this service)")
                .register(registry);
        Gauge.builder("lodestone.webhook.outbox.backlog", fanoutBacklog, AtomicLong::get)
                .description("Outbox events committed but not yet turned into webhook deliveries")
                .register(registry);
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            attempts.put(outcome.label, Counter.builder("lodestone.webhook.delivery.attempts")
                    .description("Webhook delivery attempts by outcome").tag("outcome", outcome.label).register(registry));
        }
        this.failed = Counter.builder("lodestone.webhook.deliveries.failed")
                .description("Webhook deliveries given up after the retry window").register(registry);
    }

    /** What one attempt came to; the metric's only label, so its values are these and no others. */
    enum AttemptOutcome {
        DELIVERED("delivered"),
        HTTP_ERROR("http_error"),
        NETWORK_ERROR("network_error"),
        REFUSED("refused");

        final String label;

        AttemptOutcome(String label) {
            this.label = label;
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "webhook-deliverer");
        worker.setDaemon(true);
        worker.start();
        listener = new Thread(this::listen, "webhook-outbox-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Stops both threads; a delivery being sent is rolled back by the closed connection and sent again later. */
    @Override
    public synchronized void close() {
        running = false;
        for (Thread thread : new Thread[] { listener, worker }) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(settings.requestTimeout().plusSeconds(5).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Asks the worker to look for work now (the outbox NOTIFY does this on every replica). */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void work() {
        while (running) {
            Duration wait = settings.sweepInterval();
            try {
                while (running && fanOut() > 0) {
                    // drain the queue first: deliveries exist only after fan-out
                }
                while (running && deliverDue() >= settings.batchSize()) {
                    // a full batch: there may be more due right now
                }
                wait = refreshAndTimeUntilNextDue();
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("webhook delivery round failed (retrying in %s): %s", RECONNECT_WAIT, e.toString());
                wait = RECONNECT_WAIT;
            }
            try {
                if (wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + settings.notifyChannel());
                }
                try {
                    PGConnection pg = c.unwrap(PGConnection.class);
                    if (failedListens > 0) {
                        LOG.infof("listening for outbox notifications on %s again", settings.notifyChannel());
                    } else {
                        LOG.infof("listening for outbox notifications on %s", settings.notifyChannel());
                    }
                    failedListens = 0;
                    wake(); // anything committed while not listening is found by this round
                    while (running) {
                        PGNotification[] received = pg.getNotifications(1000);
                        if (received != null && received.length > 0) {
                            wake();
                        }
                    }
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("UNLISTEN *"); // the connection goes back to the pool
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (failedListens++ == 0) {
                    LOG.warnf("not listening for outbox notifications (retrying every %s; the sweep every %s still"
                            + " finds every event): %s", RECONNECT_WAIT, settings.sweepInterval(), e.toString());
                }
                try {
                    Thread.sleep(RECONNECT_WAIT.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Turns queued outbox events into deliveries; returns how many events it took from the queue. */
    int fanOut() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<OutboxRecord> events = queuedEvents(c);
                if (events.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<WebhookTarget> targets = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("SELECT " + WebhookStore.TARGET_COLUMNS + " FROM webhook w");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        targets.add(WebhookStore.target(rows));
                    }
                }
                OffsetDateTime now = OffsetDateTime.now(clock);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO webhook_delivery (id, webhook_id, event_id, event_kind, body, state, created_at,
                                                      next_attempt_at, attempts)
                        VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, 0) ON CONFLICT (event_id, webhook_id) DO NOTHING""")) {
                    for (OutboxRecord event : events) {
                        String body = null;
                        for (WebhookTarget target : targets) {
                            if (target.matches(event) && audience.mayReceive(target, event)) {
                                body = body == null ? body(event) : body;
                                insert.setObject(1, UUID.randomUUID());
                                insert.setObject(2, target.id());
                                insert.setObject(3, event.id());
                                insert.setString(4, event.kind());
                                insert.setString(5, body);
                                insert.setObject(6, now);
                                insert.setObject(7, now);
                                insert.addBatch();
                            }
                        }
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement dequeue = c.prepareStatement("DELETE FROM webhook_fanout_queue WHERE event_id = ANY (?)")) {
                    dequeue.setArray(1, c.createArrayOf("uuid", events.stream().map(OutboxRecord::id).toArray()));
                    dequeue.executeUpdate();
                }
                c.commit();
                return events.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<OutboxRecord> queuedEvents(Connection c) throws SQLException {
        String outbox = settings.outboxTable();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT e.id, e.kind, e.occurred_at, e.entity_type, e.entity_id, e.countries, e.visibility, e.parties,
                       e.payload::text AS payload
                FROM webhook_fanout_queue q JOIN %s e ON e.id = q.event_id
                ORDER BY e.seq LIMIT %d FOR UPDATE OF q SKIP LOCKED""".formatted(outbox, FANOUT_BATCH));
                ResultSet rows = select.executeQuery()) {
            List<OutboxRecord> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new OutboxRecord(rows.getObject("id", UUID.class), rows.getString("kind"),
                        WebhookStore.time(rows, "occurred_at"), rows.getString("entity_type"), rows.getString("entity_id"),
                        WebhookStore.strings(rows.getArray("countries")), rows.getString("visibility"),
                        WebhookStore.strings(rows.getArray("parties")), rows.getString("payload")));
            }
            return events;
        }
    }

    /** The JSON every webhook of the event receives: the outbox event, its payload under {@code data}. */
    String body(OutboxRecord event) {
        try {
            ObjectNode root = json.createObjectNode();
            root.put("id", event.id().toString());
            root.put("kind", event.kind());
            root.put("occurredAt", event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
            ObjectNode entity = root.putObject("entity");
            entity.put("type", event.entityType());
            entity.put("id", event.entityId());
            event.countries().forEach(root.putArray("countries")::add);
            root.put("visibility", event.visibility());
            root.set("data", json.readTree(event.payloadJson()));
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("outbox event " + event.id() + " has a payload that is not JSON", e);
        }
    }

    private record Claimed(UUID id, UUID eventId, String body, int attempts, Instant createdAt, String url,
            String sealedSecret, UUID webhookId) {
    }

    private record Result(AttemptOutcome outcome, Integer status, String excerpt, String error, long millis) {
    }

    /** Claims due deliveries, sends them (in parallel, bounded by the timeouts), records the outcome; returns the count. */
    int deliverDue() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Claimed> claimed = claim(c);
                if (claimed.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<CompletableFuture<Result>> sends = claimed.stream().map(this::send).toList();
                for (int i = 0; i < claimed.size(); i++) {
                    record(c, claimed.get(i), await(sends.get(i)));
                }
                c.commit();
                return claimed.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Claimed> claim(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT d.id, d.event_id, d.body, d.attempts, d.created_at, w.url, w.secret, w.id AS webhook_id
                FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
                ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED""")) {
            select.setObject(1, OffsetDateTime.now(clock));
            select.setInt(2, settings.batchSize());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject("id", UUID.class), rows.getObject("event_id", UUID.class),
                            rows.getString("body"), rows.getInt("attempts"),
                            WebhookStore.time(rows, "created_at").toInstant(), rows.getString("url"),
                            rows.getString("secret"), rows.getObject("webhook_id", UUID.class)));
                }
            }
            return claimed;
        }
    }

    private CompletableFuture<Result> send(Claimed delivery) {
        long started = System.nanoTime();
        URI uri;
        byte[] key;
        try {
            uri = URI.create(delivery.url());
            Optional<String> refusal = urlPolicy.addressRefusal(uri.getHost());
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(
                        new Result(AttemptOutcome.REFUSED, null, null, "not sent: " + refusal.get(), 0));
            }
            if (secrets.isEmpty()) {
                return CompletableFuture.completedFuture(new Result(AttemptOutcome.REFUSED, null, null,
                        "not sent: no webhook secret key is configured on this service", 0));
            }
            key = WebhookSignature.key(secrets.get().open(delivery.sealedSecret(), delivery.webhookId().toString()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    new Result(AttemptOutcome.REFUSED, null, null, "not sent: " + e.getMessage(), 0));
        }
        String id = delivery.eventId().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(key, id, timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        int excerpt = settings.responseExcerptChars();
        return http.sendAsync(request, info -> new LimitedBodySubscriber(excerpt * 4))
                .orTimeout(settings.requestTimeout().toMillis() + settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        return new Result(AttemptOutcome.NETWORK_ERROR, null, null, describe(failure), millis);
                    }
                    String body = truncate(response.body(), excerpt);
                    boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
                    return new Result(ok ? AttemptOutcome.DELIVERED : AttemptOutcome.HTTP_ERROR, response.statusCode(),
                            body, ok ? null : "HTTP " + response.statusCode(), millis);
                });
    }

    private Result await(CompletableFuture<Result> send) {
        try {
            return send.join();
        } catch (CompletionException e) {
            return new Result(AttemptOutcome.NETWORK_ERROR, null, null, describe(e), 0);
        }
    }

    private void record(Connection c, Claimed delivery, Result result) throws SQLException {
        Instant now = clock.instant();
        int attempt = delivery.attempts() + 1;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, http_status, response_excerpt, error,
                                             duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, delivery.id());
            insert.setInt(2, attempt);
            insert.setObject(3, now.atOffset(ZoneOffset.UTC));
            insert.setObject(4, result.status());
            insert.setString(5, result.excerpt());
            insert.setString(6, result.error());
            insert.setInt(7, (int) Math.min(Integer.MAX_VALUE, result.millis()));
            insert.executeUpdate();
        }
        attempts.get(result.outcome().label).increment();
        DeliveryState state;
        Instant next = null;
        if (result.outcome() == AttemptOutcome.DELIVERED) {
            state = DeliveryState.DELIVERED;
        } else {
            Optional<Instant> retry = settings.retry().next(attempt, delivery.createdAt(), now, random);
            state = retry.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED;
            next = retry.orElse(null);
            if (state == DeliveryState.FAILED) {
                failed.increment();
                LOG.infof("webhook delivery %s of event %s failed after %d attempts: %s", delivery.id(),
                        delivery.eventId(), attempt, result.error());
            }
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery SET state = ?, attempts = ?, next_attempt_at = ?, completed_at = ?
                WHERE id = ?""")) {
            update.setString(1, state.name());
            update.setInt(2, attempt);
            update.setObject(3, next == null ? null : next.atOffset(ZoneOffset.UTC));
            update.setObject(4, state == DeliveryState.PENDING ? null : now.atOffset(ZoneOffset.UTC));
            update.setObject(5, delivery.id());
            update.executeUpdate();
        }
    }

    private Duration refreshAndTimeUntilNextDue() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("""
                        SELECT (SELECT count(*) FROM webhook_delivery WHERE state = 'PENDING') AS pending,
                               (SELECT count(*) FROM webhook_fanout_queue) AS backlog,
                               (SELECT min(next_attempt_at) FROM webhook_delivery WHERE state = 'PENDING') AS next_due""")) {
            rows.next();
            pending.set(rows.getLong("pending"));
            fanoutBacklog.set(rows.getLong("backlog"));
            OffsetDateTime nextDue = WebhookStore.time(rows, "next_due");
            Duration sweep = settings.sweepInterval();
            if (nextDue == null) {
                return sweep;
            }
            Duration until = Duration.between(clock.instant(), nextDue.toInstant());
            return until.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : until.compareTo(sweep) > 0 ? sweep : until;
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String what = cause instanceof HttpConnectTimeoutException ? "connect timeout"
                : cause instanceof HttpTimeoutException || cause instanceof TimeoutException ? "timeout"
                        : cause instanceof ConnectException ? "connection refused"
                                : cause.getClass().getSimpleName();
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return truncate(what + message, 300);
    }

    private static String truncate(String text, int chars) {
        if (text == null) {
            return null;
        }
        return text.length() <= chars ? text : text.substring(0, chars) + "...";
    }
}
