package org.lodestone.mineral.config;

import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lodestone.mineral")
public interface MineralConfig {

    Bulk bulk();

    Alerts alerts();

    /** Coalition members (ISO codes and EU) for coalition-wide exposure and export-control scenarios. */
    @WithDefault("US,JP,DE,FR,GB,IT,CA,EU,AU,IN,KR,MX")
    List<String> coalitionMembers();

    interface Bulk {
        /** Largest accepted bulk body; larger ones get 413 before or while they are read. */
        @WithDefault("64M")
        MemorySize maxBodySize();

        /** How many bad rows a 400 lists; the total count is always given. */
        @WithDefault("100")
        int maxReportedErrors();
    }

    interface Alerts {
        /**
         * A recorded price this many per cent or more above or below the last price of its series before a control
         * in force started is a PRICE_MOVE; the next one for the same control, mineral and direction needs another
         * step of this size.
         */
        @WithDefault("10")
        double priceMoveThresholdPct();

        /** When to look for controls whose end date has passed (EXPORT_CONTROL_ENDED); once per cluster. */
        @WithDefault("0 5 * * * ?")
        String endEvaluationCron();
    }
}
