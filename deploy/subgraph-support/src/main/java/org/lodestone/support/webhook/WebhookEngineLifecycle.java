package org.lodestone.support.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/** Starts the service's {@link WebhookEngine} (if it has one) with the application and closes it on shutdown. */
@ApplicationScoped
public class WebhookEngineLifecycle {

    void start(@Observes StartupEvent event, Instance<WebhookEngine> engines) {
        engines.forEach(WebhookEngine::startIfEnabled);
    }

    void stop(@Observes ShutdownEvent event, Instance<WebhookEngine> engines) {
        engines.forEach(WebhookEngine::close);
    }
}
