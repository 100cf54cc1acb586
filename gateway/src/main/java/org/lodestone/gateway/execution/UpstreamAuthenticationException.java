package org.lodestone.gateway.execution;

/**
 * A subgraph refused a subscription for the caller's token or ended it because the token expired (401 at the
 * upgrade, close 1008, 4401 or 4403).
 */
public class UpstreamAuthenticationException extends RuntimeException {

    public UpstreamAuthenticationException(String message) {
        super(message);
    }
}
