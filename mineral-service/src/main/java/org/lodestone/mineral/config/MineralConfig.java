package org.lodestone.mineral.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lodestone.mineral")
public interface MineralConfig {

    Bulk bulk();

    interface Bulk {
        /** Largest accepted bulk body; larger ones get 413 before or while they are read. */
        @WithDefault("64M")
        MemorySize maxBodySize();

        /** Rows per JDBC batch. */
        @WithDefault("1000")
        int batchSize();

        /** How many bad rows a 400 lists; the total count is always given. */
        @WithDefault("100")
        int maxReportedErrors();
    }
}
