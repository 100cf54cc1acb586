package org.lodestone.mineral.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A fixed set of strings (the known mineral ids) asked about byte ranges of UTF-8 text, so that checking a field of
 * a bulk row needs no String: open addressing over the keys' UTF-8 bytes.
 */
final class ByteKeys {

    private final byte[][] slots;
    private final int mask;

    ByteKeys(Collection<String> keys) {
        int size = Integer.highestOneBit(Math.max(4, keys.size() * 4) - 1) << 1;
        slots = new byte[size][];
        mask = size - 1;
        for (String key : keys) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            int i = hash(bytes, 0, bytes.length) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = bytes;
        }
    }

    boolean contains(byte[] bytes, int from, int to) {
        for (int i = hash(bytes, from, to) & mask; slots[i] != null; i = (i + 1) & mask) {
            byte[] key = slots[i];
            if (Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }
}
