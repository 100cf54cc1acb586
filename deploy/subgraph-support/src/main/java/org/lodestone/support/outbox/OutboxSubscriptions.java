package org.lodestone.support.outbox;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Turns the instance's {@link OutboxFeed} into one subscriber's stream. Each batch of committed outbox ids is
 * resolved into what this subscriber asked for and may see by the service's own read code, on a worker thread, in a
 * request context that carries the identity the subscriber authenticated with: the same visibility checks as any
 * query, with no second copy of them.
 */
@ApplicationScoped
public class OutboxSubscriptions {

    /** Batches a slow subscriber may fall behind by before its stream fails (and its subscription ends). */
    static final int BACKLOG = 1000;

    private final OutboxFeed feed;
    private final CurrentIdentityAssociation association;

    OutboxSubscriptions(OutboxFeed feed, CurrentIdentityAssociation association) {
        this.feed = feed;
        this.association = association;
    }

    /** For the current (authenticated) caller; {@code resolve} gets the new ids and returns what to send. */
    public <T> Multi<T> stream(Function<List<UUID>, List<T>> resolve) {
        SecurityIdentity identity = association.getIdentity();
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        // The subscriber's Vert.x context, if any: the GraphQL engine resolves fields in batches below each item only
        // on a Vert.x context, so items are handed back to it once resolved on a worker thread.
        Context context = Vertx.currentContext();
        Multi<T> items = feed.committed()
                .onOverflow().buffer(BACKLOG)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(ids -> as(identity, () -> resolve.apply(ids)));
        return context == null ? items : items.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private <T> List<T> as(SecurityIdentity identity, Supplier<List<T>> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            association.setIdentity(identity);
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }
}
