package org.lodestone.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks that a port is free before a component tries to listen on it, so the error names the port. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String component) {
        if (!isFree(port)) {
            throw new StackException("port " + port + " (" + component + ") is already in use: stop whatever listens "
                    + "there (a previous local stack? run `java -jar deploy/local-stack/target/local-stack.jar stop`) "
                    + "or choose another port");
        }
    }

    static boolean isFree(int port) {
        // Something listening on localhost only would not stop a bind on all interfaces on every OS: try both.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return false;
        } catch (IOException expected) {
            // nothing answers: now make sure we could bind it
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
