package org.lodestone.support.cache;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a GraphQL request over HTTP is answered by besides the data: the exact request body, the verified bearer token
 * of the caller, the {@code Accept} and {@code Content-Type} headers (they choose the answer's media type and how the
 * body is read) and the UTC day. Two requests with equal keys get the same answer while the data does not change.
 */
public final class AnswerKey {

    private final byte[] body;
    private final String caller;
    private final String accept;
    private final String contentType;
    private final long epochDay;
    private final int hash;

    public AnswerKey(byte[] body, String caller, String accept, String contentType, long epochDay) {
        this.body = Objects.requireNonNull(body);
        this.caller = Objects.requireNonNull(caller);
        this.accept = accept;
        this.contentType = contentType;
        this.epochDay = epochDay;
        int h = Arrays.hashCode(body);
        h = 31 * h + caller.hashCode();
        h = 31 * h + Objects.hashCode(accept);
        h = 31 * h + Objects.hashCode(contentType);
        this.hash = 31 * h + Long.hashCode(epochDay);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerKey key && hash == key.hash && epochDay == key.epochDay
                && caller.equals(key.caller) && Objects.equals(accept, key.accept)
                && Objects.equals(contentType, key.contentType) && Arrays.equals(body, key.body);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
