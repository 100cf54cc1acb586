package org.lodestone.country.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lodestone.country")
public interface CountryServiceConfig {

    Seed seed();

    interface Seed {
        /** Import the bundled seed data on startup (once per database). */
        @WithDefault("true")
        boolean enabled();
    }
}
