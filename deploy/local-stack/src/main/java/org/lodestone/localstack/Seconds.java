package org.lodestone.localstack;

import java.util.Locale;

final class Seconds {

    private Seconds() {
    }

    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
