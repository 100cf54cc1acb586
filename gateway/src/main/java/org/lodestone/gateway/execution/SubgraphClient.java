package org.lodestone.gateway.execution;

import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

import org.lodestone.gateway.supergraph.Subgraph;

/** Sends one GraphQL request to one subgraph. */
public interface SubgraphClient {

    /**
     * @param body {@code {"query": ..., "variables": ...}}
     * @param authorization the caller's {@code Authorization} header, forwarded as is (may be null)
     * @return the subgraph's JSON response, or a failed Uni with {@link SubgraphUnavailableException}; the response
     *         may be given to other callers too (identical requests in flight together), so callers must not
     *         modify it
     */
    Uni<Map<String, Object>> send(Subgraph subgraph, Map<String, Object> body, String authorization);

    /**
     * As {@link #send}, started at once, as a Vert.x future: the plan executor's way in. On Vert.x an implementation
     * answers on the caller's context without a Mutiny operator per step (each captures and restores the request's
     * context, a visible share of CPU per fetch); this default goes through {@link #send}.
     */
    default Future<Map<String, Object>> call(Subgraph subgraph, Map<String, Object> body, String authorization) {
        return Future.fromCompletionStage(send(subgraph, body, authorization).subscribeAsCompletionStage());
    }

    /**
     * A future's outcome as a Uni: how a client answering on Vert.x futures offers {@link #send}, and how the plan
     * executor offers a plan run on futures.
     */
    static <T> Uni<T> asUni(Future<T> answer) {
        return Uni.createFrom().emitter(emitter -> answer.onComplete(outcome -> {
            if (outcome.succeeded()) {
                emitter.complete(outcome.result());
            } else {
                emitter.fail(outcome.cause());
            }
        }));
    }
}
