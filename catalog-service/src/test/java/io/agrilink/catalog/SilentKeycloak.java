package io.agrilink.catalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A "Keycloak" that accepts connections and never answers: a hung identity provider. */
public class SilentKeycloak implements QuarkusTestResourceLifecycleManager {

    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-keycloak");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.keycloak.admin-client.server-url", "http://127.0.0.1:" + server.getLocalPort(),
                "quarkus.keycloak.admin-client.client-secret", "test-secret",
                "agrilink.catalog.accounts.read-timeout", "1s");
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the sockets die with the test JVM anyway
        }
    }
}
