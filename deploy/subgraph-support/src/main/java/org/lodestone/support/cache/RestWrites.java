package org.lodestone.support.cache;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A REST request that may have written (any method but GET, HEAD and OPTIONS) outdates the kept answers once its
 * response is ready, which is after its transaction committed. Other replicas hear of it from {@link DataChanges}.
 */
@Provider
public class RestWrites implements ContainerResponseFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ResultCache cache;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!SAFE.contains(request.getMethod())) {
            cache.changed();
        }
    }
}
