package org.lodestone.mineral.service;

public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("Request body exceeds the limit of " + limitBytes + " bytes");
    }
}
