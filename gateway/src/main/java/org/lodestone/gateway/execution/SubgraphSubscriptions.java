package org.lodestone.gateway.execution;

import java.util.Map;

import io.smallrye.mutiny.Multi;

import org.lodestone.gateway.supergraph.Subgraph;

/** Subscribes to one subgraph subscription operation. */
public interface SubgraphSubscriptions {

    /**
     * @param body {@code {"query": ..., "variables": ...}} of a subscription operation
     * @param authorization the caller's {@code Authorization} header, forwarded as is
     * @return each {@code next} payload (a GraphQL response); an {@code error} message becomes one last payload
     *         holding the errors; the stream completes when the subgraph completes the operation and fails with
     *         {@link UpstreamAuthenticationException} when the subgraph refuses or ends it for the token, with
     *         {@link SubgraphUnavailableException} when it cannot be reached or drops the connection. Cancelling it
     *         completes the operation upstream and closes the connection.
     */
    Multi<Map<String, Object>> subscribe(Subgraph subgraph, Map<String, Object> body, String authorization);
}
