package org.lodestone.gateway.http;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The HTTP server answers a WebSocket upgrade asking for {@code graphql-transport-ws} with that subprotocol, as
 * graphql-ws clients require (they give up on a handshake that names none).
 */
@Singleton
public class WebSocketSubprotocols implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.addWebSocketSubProtocol(GraphQLWebSocketSession.PROTOCOL);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.addWebSocketSubProtocol(GraphQLWebSocketSession.PROTOCOL);
    }
}
