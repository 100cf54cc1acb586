package org.lodestone.mineral.service;

public class UnknownKeyException extends RuntimeException {

    public UnknownKeyException(String kind, String key) {
        super("No " + kind + " with key '" + key + "'");
    }
}
