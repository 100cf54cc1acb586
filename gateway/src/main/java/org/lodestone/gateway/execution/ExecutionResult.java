package org.lodestone.gateway.execution;

import java.util.List;
import java.util.Map;

/**
 * Raw merged subgraph data (not yet shaped to the client's selection), the errors so far, and
 * how many subgraph requests were made.
 */
public record ExecutionResult(Map<String, Object> data, List<Map<String, Object>> errors, int subgraphRequests) {
}
