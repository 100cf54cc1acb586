package org.lodestone.gateway.execution;

import java.util.Map;

import io.smallrye.mutiny.Uni;

import org.lodestone.gateway.supergraph.Subgraph;

/** Sends one GraphQL request to one subgraph. */
public interface SubgraphClient {

    /**
     * @param body {@code {"query": ..., "variables": ...}}
     * @param authorization the caller's {@code Authorization} header, forwarded as is (may be null)
     * @return the subgraph's JSON response, or a failed Uni with {@link SubgraphUnavailableException}
     */
    Uni<Map<String, Object>> send(Subgraph subgraph, Map<String, Object> body, String authorization);
}
