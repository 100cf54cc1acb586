package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;

/** The catalogue {@code components/monitoring/exported-metrics.txt}: each metric and which apps export it. */
final class ExportedMetrics {

    static final String FILE = "deploy/kubernetes/components/monitoring/exported-metrics.txt";

    private ExportedMetrics() {
    }

    static Set<String> names() {
        try {
            Set<String> names = new TreeSet<>();
            for (String line : Files.readAllLines(RepositoryLayout.root().resolve(FILE))) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    names.add(trimmed.split("\\s+")[0]);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }
}
