package org.lodestone.support.cache;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import graphql.ExecutionResult;

/**
 * Complete answers to queries, kept until the data may have changed ({@link DataChanges}). An answer is kept for
 * exactly one caller (the bearer token as sent: what a caller may see depends on who they are) and one day (answers
 * that depend on today, such as overdue commitments, change at midnight UTC), and only when it has no errors.
 * <p>
 * Entries are checked against the version they were computed under: the version is read before the data, so a change
 * committing while an answer is computed leaves it under an older version, which only costs one more computation,
 * never a stale answer.
 */
@ApplicationScoped
public class ResultCache {

    private static final Logger LOG = Logger.getLogger(ResultCache.class);

    /** What an answer depends on besides the data. */
    public record Key(String document, String operationName, Map<String, Object> variables, String caller,
            LocalDate day) {

        public static Key of(String document, String operationName, Map<String, Object> variables, String caller) {
            return new Key(document, operationName, variables == null ? Map.of() : variables, caller,
                    LocalDate.now(ZoneOffset.UTC));
        }
    }

    private record Entry(long version, ExecutionResult result) {
    }

    /** A complete HTTP answer: the body as written and its media type. */
    public record Answer(long version, byte[] body, String contentType) {
    }

    private final DataChanges changes;
    private final boolean enabled;
    private final int maxEntries;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<AnswerKey, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong answerHits = new AtomicLong();
    private final AtomicLong answerMisses = new AtomicLong();
    private final AtomicLong answersKept = new AtomicLong();

    ResultCache(DataChanges changes,
            @ConfigProperty(name = "lodestone.result-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "lodestone.result-cache.max-entries", defaultValue = "256") int maxEntries) {
        this.changes = changes;
        this.enabled = enabled;
        this.maxEntries = maxEntries;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The version to compute an answer under; {@link DataChanges#UNKNOWN} when answers must not be kept. */
    public long version() {
        return enabled ? changes.version() : DataChanges.UNKNOWN;
    }

    /** The kept answer, if it was computed under the current version. */
    public ExecutionResult get(Key key, long version) {
        if (version == DataChanges.UNKNOWN) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry != null && entry.version() == version) {
            hits.incrementAndGet();
            return entry.result();
        }
        misses.incrementAndGet();
        return null;
    }

    /** Keeps an answer computed under {@code version} (read before the data), if it is one to keep. */
    public void put(Key key, long version, ExecutionResult result) {
        if (version == DataChanges.UNKNOWN || !result.getErrors().isEmpty() || result.getData() == null) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(version, result));
    }

    /**
     * The HTTP answer kept for exactly this request, if it was written under the current version ({@code version},
     * read before this call); see {@link KeptAnswerRoute}.
     */
    public Answer answer(AnswerKey key, long version) {
        if (version == DataChanges.UNKNOWN) {
            return null;
        }
        Answer answer = answers.get(key);
        if (answer != null && answer.version() == version) {
            hits.incrementAndGet();
            answerHits.incrementAndGet();
            return answer;
        }
        answerMisses.incrementAndGet();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("No kept answer (version %d): %s", version, answer == null ? "none for this request"
                    : "kept under version " + answer.version());
        }
        return null;
    }

    /** Keeps the HTTP answer written for a request whose result was computed under {@code version}. */
    void keep(AnswerKey key, long version, byte[] body, String contentType) {
        if (version == DataChanges.UNKNOWN) {
            return;
        }
        if (answers.size() >= maxEntries) {
            answers.clear();
        }
        answers.put(key, new Answer(version, body, contentType));
        answersKept.incrementAndGet();
    }

    /** A write committed through this instance. */
    public void changed() {
        changes.changed();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /** Requests answered from memory before SmallRye GraphQL saw them (also counted in {@link #hits()}). */
    public long answerHits() {
        return answerHits.get();
    }

    /** Requests that could have been answered from memory but had no answer kept under the current version. */
    public long answerMisses() {
        return answerMisses.get();
    }

    /** Answers kept for later requests. */
    public long answersKept() {
        return answersKept.get();
    }
}
