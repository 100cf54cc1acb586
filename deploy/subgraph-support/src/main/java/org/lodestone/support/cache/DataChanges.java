package org.lodestone.support.cache;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lodestone.support.notify.ChannelListener;

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

    private final AtomicLong version = new AtomicLong();
    private final ChannelListener listener;

    DataChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.listener = new ChannelListener(CHANNEL, url, user, password, Duration.ofSeconds(5),
                new ChannelListener.Handler() {
                    @Override
                    public void listening(Connection connection) {
                        // whatever changed while nobody listened is unknown: everything read before is outdated
                        version.incrementAndGet();
                    }

                    @Override
                    public void notified(Connection connection) {
                        version.incrementAndGet();
                    }
                });
    }

    /** The current number, or {@link #UNKNOWN} while changes cannot be heard (starts listening on first use). */
    public long version() {
        listener.start();
        return listener.listening() ? version.get() : UNKNOWN;
    }

    /** A change committed through this instance: what was read before it is outdated. */
    public void changed() {
        version.incrementAndGet();
    }

    @PreDestroy
    void stop() {
        listener.stop();
    }
}
