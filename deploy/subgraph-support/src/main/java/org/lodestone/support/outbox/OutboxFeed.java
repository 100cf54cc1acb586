package org.lodestone.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lodestone.support.notify.ChannelListener;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The ids of outbox events as they commit, for this service instance. One dedicated connection per instance
 * {@code LISTEN}s on the channel the outbox trigger notifies on; PostgreSQL delivers a notification only when the
 * inserting transaction commits, so a rolled-back change wakes nobody, and every replica listening on the same
 * database hears every commit. The notification only wakes the feed up: the outbox table stays the source of truth,
 * read for the rows of the last {@code lodestone.outbox.feed.lookback} that the feed has not passed on yet (a
 * sequence watermark would skip a row whose transaction commits after a later one). Nothing is read from the
 * notification's payload, and a notification lost during a reconnect is caught up on the next read.
 * <p>
 * Started by the first subscriber, so a service without an outbox never opens the connection.
 */
@ApplicationScoped
public class OutboxFeed {

    public static final String CHANNEL = "lodestone_outbox";

    private static final String NEW_ROWS = "select id, occurred_at from outbox_event where occurred_at > ? order by seq";

    private final Duration lookback;
    private final Clock clock = Clock.systemUTC();
    private final BroadcastProcessor<List<UUID>> committed = BroadcastProcessor.create();
    /** Ids already passed on (or present when the feed started), with when they occurred; pruned past the lookback. */
    private final Map<UUID, Instant> seen = new LinkedHashMap<>();

    private final ChannelListener listener;
    private Instant startedAt;
    /** Only the listening thread reads and writes it. */
    private boolean first = true;

    OutboxFeed(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @ConfigProperty(name = "lodestone.outbox.feed.lookback", defaultValue = "PT2M") Duration lookback,
            @ConfigProperty(name = "lodestone.outbox.feed.wait", defaultValue = "PT5S") Duration wait) {
        this.lookback = lookback;
        this.listener = new ChannelListener(CHANNEL, url, user, password, wait, new ChannelListener.Handler() {
            @Override
            public void listening(Connection connection) throws SQLException {
                caughtUp(connection);
            }

            @Override
            public void notified(Connection connection) throws SQLException {
                read(connection, Instant.MIN);
            }
        });
    }

    /**
     * Batches of ids of events committed from now on, in insertion order within a batch. A hot stream: a subscriber
     * gets what is read after it subscribed (for the very first subscriber, what committed since it asked).
     */
    public Multi<List<UUID>> committed() {
        start();
        return committed;
    }

    /** Whether the listening connection is up; for tests and health. */
    public boolean listening() {
        return listener.listening();
    }

    /** Starts listening now (before the first subscriber), waiting up to the given time for the connection. */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        start();
        long until = System.nanoTime() + timeout.toNanos();
        while (!listener.listening() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return listener.listening();
    }

    private synchronized void start() {
        if (listener.started()) {
            return;
        }
        startedAt = clock.instant();
        listener.start();
    }

    @PreDestroy
    synchronized void stop() {
        listener.stop();
        committed.onComplete();
    }

    /**
     * The first read passes on only what committed since the first subscriber asked; after a reconnect it catches up
     * on everything not passed on yet.
     */
    private void caughtUp(Connection connection) throws SQLException {
        read(connection, first ? startedAt : Instant.MIN);
        first = false;
    }

    private void read(Connection connection, Instant emitFrom) throws SQLException {
        Instant floor = clock.instant().minus(lookback);
        seen.values().removeIf(occurred -> occurred.isBefore(floor));
        List<UUID> fresh = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(NEW_ROWS)) {
            query.setTimestamp(1, Timestamp.from(floor));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    Instant occurred = rows.getTimestamp(2).toInstant();
                    if (seen.putIfAbsent(id, occurred) == null && !occurred.isBefore(emitFrom)) {
                        fresh.add(id);
                    }
                }
            }
        }
        if (!fresh.isEmpty()) {
            committed.onNext(List.copyOf(fresh));
        }
    }
}
