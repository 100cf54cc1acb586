package org.lodestone.support.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * One connection of its own that {@code LISTEN}s on a PostgreSQL channel, on a daemon thread, and reconnects after a
 * second when the connection is lost. PostgreSQL delivers a notification only when the notifying transaction commits.
 * The handler is told when the connection is (again) listening, so it can catch up on what it may have missed, and
 * when notifications arrive; their payloads are not passed on.
 */
public final class ChannelListener {

    /** What to do on the listening thread; an {@link SQLException} drops the connection and reconnects. */
    public interface Handler {

        /** The connection listens, for the first time or after a reconnect. */
        void listening(Connection connection) throws SQLException;

        /** One or more notifications arrived on the channel. */
        void notified(Connection connection) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);

    private final String channel;
    private final String url;
    private final String user;
    private final String password;
    private final Duration wait;
    private final Handler handler;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean listening;

    public ChannelListener(String channel, String url, String user, String password, Duration wait, Handler handler) {
        this.channel = channel;
        this.url = url;
        this.user = user;
        this.password = password;
        this.wait = wait;
        this.handler = handler;
    }

    /** Starts the listening thread, once; cheap when it has started. */
    public void start() {
        if (thread != null) {
            return;
        }
        synchronized (this) {
            if (thread != null) {
                return;
            }
            running = true;
            Thread listening = new Thread(this::listen, channel.replace('_', '-'));
            listening.setDaemon(true);
            thread = listening;
            listening.start();
        }
    }

    public boolean started() {
        return thread != null;
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the connection is up and listening. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                handler.listening(connection);
                listening = true;
                LOG.debugf("Listening on %s", channel);
                while (running) {
                    var notifications = pg.getNotifications((int) wait.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        handler.notified(connection);
                    } else if (!connection.isValid(2)) {
                        throw new SQLException("listening connection lost");
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf("Listening on %s: %s; reconnecting in 1 s", channel, e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
