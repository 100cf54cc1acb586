package org.lodestone.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the browser console needs to log in: Keycloak's realm URL as the browser reaches it, and its public client. */
@ConfigMapping(prefix = "lodestone.console")
public interface ConsoleConfig {

    /** The realm's issuer URL as seen from the browser (usually the one the gateway verifies tokens against). */
    String issuer();

    /** The public OIDC client the console logs in with (authorization code + PKCE, no secret). */
    @WithDefault("lodestone-console")
    String clientId();
}
