package org.lodestone.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist}, tar.gz on Maven Central), unpacked
 * once into the data directory. Maven normally resolves it at build time (cached in the local repository);
 * downloading it here is the fallback when the launcher jar was built some other way.
 */
final class KeycloakDistribution {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final StackSettings settings;
    private final Consumer<String> out;
    private final String version;

    KeycloakDistribution(StackSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
        this.version = bundledVersion();
    }

    String version() {
        return version;
    }

    Path installation() {
        return settings.home().resolve("keycloak-" + version);
    }

    /** Unpacks the distribution if needed and puts the current realm file where {@code --import-realm} reads it. */
    Path prepare() {
        Path installation = installation();
        if (!Files.isRegularFile(installation.resolve("bin/kc.sh"))) {
            Path archive = locateArchive();
            out.accept("unpacking Keycloak " + version + " into " + installation + " (once)...");
            long started = System.nanoTime();
            // unpack beside the final place and rename, so an interrupted unpack is never mistaken for a complete one
            Path unpacking = settings.home().resolve("keycloak-unpacking");
            Directories.deleteRecursively(unpacking);
            unpack(archive, unpacking);
            try {
                Directories.deleteRecursively(installation);
                Files.move(unpacking.resolve(installation.getFileName()), installation);
                Directories.deleteRecursively(unpacking);
            } catch (IOException e) {
                throw new StackException("Keycloak: could not move the unpacked distribution to " + installation, e);
            }
            out.accept("unpacked in " + Seconds.since(started) + " s");
        }
        importRealm(installation);
        return installation;
    }

    private void importRealm(Path installation) {
        Path realm = settings.realmFile();
        if (!Files.isRegularFile(realm)) {
            throw new StackException("Keycloak: realm file " + realm + " is missing");
        }
        try {
            Path importDirectory = installation.resolve("data/import");
            Files.createDirectories(importDirectory);
            Path imported = importDirectory.resolve(realm.getFileName());
            // --import-realm skips a realm that already exists; when the file changed, start from an empty
            // Keycloak database so the change takes effect (it holds only the demo realm and its logins).
            if (Files.exists(imported) && Files.mismatch(imported, realm) != -1L) {
                out.accept("realm file changed since the last start: Keycloak re-imports it");
                Directories.deleteRecursively(installation.resolve("data/h2"));
            }
            Files.copy(realm, imported, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Keycloak: could not copy the realm file " + realm + ": " + e.getMessage(), e);
        }
    }

    private Path locateArchive() {
        String file = "keycloak-quarkus-dist-" + version + ".tar.gz";
        Path built = settings.repository().resolve("deploy/local-stack/target/dist").resolve(file);
        if (Files.isRegularFile(built)) {
            return built;
        }
        Path localRepository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path cached = localRepository.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version).resolve(file);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path download = settings.home().resolve("downloads").resolve(file);
        if (!Files.isRegularFile(download)) {
            download(CENTRAL + "org/keycloak/keycloak-quarkus-dist/" + version + "/" + file, download);
        }
        return download;
    }

    private void download(String url, Path target) {
        out.accept("downloading " + url);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            HttpResponse<InputStream> response = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new StackException("Keycloak download failed: HTTP " + response.statusCode() + " for " + url);
            }
            long total = response.headers().firstValueAsLong("content-length").orElse(-1);
            try (InputStream in = response.body(); OutputStream fileOut = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                long copied = 0;
                long lastReport = 0;
                for (int read; (read = in.read(buffer)) >= 0;) {
                    fileOut.write(buffer, 0, read);
                    copied += read;
                    if (copied - lastReport >= 16L << 20) {
                        lastReport = copied;
                        out.accept("  " + (copied >> 20) + " MB" + (total > 0 ? " of " + (total >> 20) + " MB" : ""));
                    }
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Keycloak download failed (" + url + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Keycloak download interrupted", e);
        }
    }

    private static void unpack(Path archive, Path destination) {
        Path root = destination.toAbsolutePath().normalize();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new StackException("Keycloak archive " + archive + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                if ((entry.getMode() & 0100) != 0) {
                    makeExecutable(target);
                }
            }
        } catch (IOException e) {
            throw new StackException("Keycloak: could not unpack " + archive + ": " + e.getMessage(), e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): kc.bat needs no execute bit
        }
    }

    private static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/local-stack.properties")) {
            if (in == null) {
                throw new StackException("local-stack.properties is missing from the launcher jar: rebuild it");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("keycloak.version");
    }
}
