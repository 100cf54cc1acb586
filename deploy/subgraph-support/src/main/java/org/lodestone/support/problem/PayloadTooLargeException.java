package org.lodestone.support.problem;

/** A streamed request body went over the limit while it was read: REST 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("Request body exceeds the limit of " + limitBytes + " bytes");
    }
}
