package org.lodestone.gateway.pipeline;

/** Operation limits enforced before any planning or subgraph traffic. */
public record RequestLimits(int maxDepth, int maxAliases, int maxQueryLength) {

    public static final RequestLimits DEFAULT = new RequestLimits(15, 30, 20000);
}
