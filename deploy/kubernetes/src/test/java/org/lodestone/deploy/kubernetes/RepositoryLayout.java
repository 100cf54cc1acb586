package org.lodestone.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things live in the repository, so tests run from the module or from the reactor root alike. */
final class RepositoryLayout {

    private static final Path ROOT = findRoot();

    private RepositoryLayout() {
    }

    static Path root() {
        return ROOT;
    }

    static Path realmFile() {
        return ROOT.resolve("deploy/keycloak/coalition-realm.json");
    }

    static Path kubernetesDir() {
        return ROOT.resolve("deploy/kubernetes");
    }

    static Path overlay(String name) {
        return kubernetesDir().resolve("overlays").resolve(name);
    }

    static Path operatorReadme() {
        return ROOT.resolve("deploy/README.md");
    }

    static Path buildDir() {
        return kubernetesDir().resolve("target");
    }

    private static Path findRoot() {
        String configured = System.getProperty("lodestone.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Running from an IDE without the surefire property: walk up to the directory holding the realm.
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/coalition-realm.json"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (deploy/keycloak/coalition-realm.json)");
    }
}
