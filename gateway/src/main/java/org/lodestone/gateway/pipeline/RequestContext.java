package org.lodestone.gateway.pipeline;

import java.util.Set;

/**
 * Who is calling and how.
 *
 * @param authorization the caller's {@code Authorization} header, forwarded to subgraphs
 * @param roles token roles (matched against {@code @requiresScopes})
 * @param readOnly true for GET: only queries may run
 */
public record RequestContext(String authorization, boolean authenticated, Set<String> roles, boolean readOnly,
        boolean debugPlan) {
}
