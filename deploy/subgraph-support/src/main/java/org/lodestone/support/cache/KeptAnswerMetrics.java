package org.lodestone.support.cache;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How often GraphQL requests are answered from memory, on {@code /q/metrics}:
 * {@code lodestone_graphql_kept_answers_total} by {@code outcome}: {@code hit} (answered before SmallRye GraphQL saw
 * it), {@code miss} (could have been, but nothing was kept under the current data version), {@code kept} (an answer
 * stored for later requests). A miss rate that stays high on repeated traffic means answers are not being kept.
 * The counters read {@link ResultCache}'s own counts when scraped; requests cost nothing more.
 */
@Singleton
public class KeptAnswerMetrics implements MeterBinder {

    static final String METRIC = "lodestone.graphql.kept.answers";

    private final ResultCache cache;

    KeptAnswerMetrics(ResultCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(METRIC, cache, ResultCache::answerHits).tag("outcome", "hit")
                .description("GraphQL requests answered from memory").register(registry);
        FunctionCounter.builder(METRIC, cache, ResultCache::answerMisses).tag("outcome", "miss")
                .description("GraphQL requests with no answer kept under the current data version").register(registry);
        FunctionCounter.builder(METRIC, cache, ResultCache::answersKept).tag("outcome", "kept")
                .description("GraphQL answers kept for later requests").register(registry);
    }
}
