package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own rule checker. The build makes sure it is installed ({@code deploy/kubernetes/ensure-promtool.sh},
 * run before the tests); {@code -Dlodestone.promtool=/path/to/promtool} uses another binary.
 */
final class Promtool {

    private Promtool() {
    }

    record Result(int exitCode, String output) {
    }

    /** {@code promtool check rules <file>}. */
    static Result checkRules(Path rulesFile) {
        String binary = System.getProperty("lodestone.promtool", "promtool");
        try {
            Path output = Files.createTempFile("promtool", ".out");
            try {
                Process process = new ProcessBuilder(List.of(binary, "check", "rules", rulesFile.toString()))
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("promtool check rules timed out");
                }
                return new Result(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + binary + " (the build installs it with ensure-promtool.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running promtool", e);
        }
    }
}
