package org.lodestone.gateway.execution;

/** The subgraph could not answer: connection failure, timeout, 5xx, or a body that is not GraphQL JSON. */
public class SubgraphUnavailableException extends RuntimeException {

    public SubgraphUnavailableException(String message) {
        super(message);
    }

    public SubgraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
