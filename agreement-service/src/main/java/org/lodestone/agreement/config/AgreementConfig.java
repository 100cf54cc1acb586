package org.lodestone.agreement.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lodestone.agreement")
public interface AgreementConfig {

    /**
     * Countries whose members may read COALITION agreements. country-service owns the membership flag; this copy
     * keeps visibility checks local (no cross-service call on every read).
     */
    @WithDefault("US,JP,DE,FR,GB,IT,CA,EU,AU,IN,KR,MX")
    List<String> coalitionMembers();

    /** How far (as a fraction, 0.20 = 20 percentage points) delivery may lag elapsed time before AT_RISK. */
    @WithDefault("0.20")
    double atRiskTolerance();

    Alerts alerts();

    interface Alerts {
        /**
         * When the daily commitment evaluation runs (Quartz cron, UTC); {@code off} disables it. Every replica
         * schedules it and one runs it (see {@code CommitmentAlertEvaluation}).
         */
        @WithDefault("0 15 0 * * ?")
        String evaluationCron();
    }
}
