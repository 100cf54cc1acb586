package org.lodestone.support.webhook;

import java.sql.SQLException;

/** A webhook table could not be read or written; {@code DatabaseOutage} tells an unreachable database from a bug. */
public class WebhookStorageException extends RuntimeException {

    public WebhookStorageException(SQLException cause) {
        super("webhook storage failed: " + cause.getMessage(), cause);
    }
}
