package org.lodestone.support.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * A number that moves whenever the service's data may have changed, here or on another replica. Every table of the
 * service's schema carries a statement-level trigger that notifies {@value #CHANNEL} ({@code afterMigrate.sql} in
 * {@code db/lodestone}, run by Flyway after every migration, so new tables get it too); PostgreSQL delivers a
 * notification only when its transaction commits. One dedicated connection per instance listens and moves the
 * number on each notification. A write made through this instance also moves it as soon as it has committed
 * ({@link #changed()}), so the writer's next read never waits for the notification.
 * <p>
 * While the listening connection is down, changes could go unheard: {@link #version()} answers {@link #UNKNOWN}
 * then, and the number moves again when the connection is back.
 */
@ApplicationScoped
public class DataChanges {

    public static final String CHANNEL = "lodestone_data";
    /** The version while changes cannot be heard: nothing may be served from memory. */
    public static final long UNKNOWN = -1;

    private static final Logger LOG = Logger.getLogger(DataChanges.class);

    private final String url;
    private final String user;
    private final String password;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    DataChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The current number, or {@link #UNKNOWN} while changes cannot be heard (starts listening on first use). */
    public long version() {
        if (listener == null) {
            start();
        }
        return listening ? version.get() : UNKNOWN;
    }

    /** A change committed through this instance: what was read before it is outdated. */
    public void changed() {
        version.incrementAndGet();
    }

    private synchronized void start() {
        if (listener != null) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "data-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // whatever changed while nobody listened is unknown: everything read before is outdated
                version.incrementAndGet();
                listening = true;
                while (running) {
                    var notifications = pg.getNotifications(5000);
                    if (notifications != null && notifications.length > 0) {
                        version.incrementAndGet();
                    } else if (!connection.isValid(2)) {
                        throw new SQLException("listening connection lost");
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf("Data change listener: %s; reconnecting in 1 s", e.getMessage());
                    try {
                        Thread.sleep(Duration.ofSeconds(1).toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        listening = false;
    }
}
