package org.lodestone.mineral.service;

public class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String kind, String key) {
        super(kind + " '" + key + "' already exists");
    }
}
