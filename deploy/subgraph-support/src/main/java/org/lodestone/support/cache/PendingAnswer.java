package org.lodestone.support.cache;

import graphql.ExecutionResult;

/**
 * A GraphQL request that {@link KeptAnswerRoute} could not answer from memory and handed on to SmallRye GraphQL.
 * {@link ResultCaching} records here the result of the query it ran (or served from {@link ResultCache}) when that
 * result may be kept; the route keeps the answer once it has been written. The version is the one read before the
 * request was handed on, so a change committing meanwhile leaves the answer under an outdated version.
 */
final class PendingAnswer {

    /** Where the pending answer is found in the request's routing context. */
    static final String ATTRIBUTE = PendingAnswer.class.getName();

    private final AnswerKey key;
    private final long version;
    private ExecutionResult result;
    private boolean spoiled;

    PendingAnswer(AnswerKey key, long version) {
        this.key = key;
        this.version = version;
    }

    AnswerKey key() {
        return key;
    }

    long version() {
        return version;
    }

    /** The result of the one query this request ran; a second one (or a mutation) means nothing is kept. */
    synchronized void computed(ExecutionResult computed) {
        if (result != null) {
            spoiled = true;
        }
        result = computed;
    }

    /** Something that must not be kept ran for this request (a mutation). */
    synchronized void spoil() {
        spoiled = true;
    }

    /** The result to keep, or null. */
    synchronized ExecutionResult result() {
        return spoiled ? null : result;
    }
}
