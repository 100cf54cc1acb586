package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator-provided resources listed in {@code deploy/README.md}: the first column of the table under the
 * heading "Secrets the operator provides". A referenced Secret that is neither rendered nor listed there is a bug
 * an operator would only find at deploy time.
 */
final class OperatorReadme {

    static final String SECRETS_HEADING = "## Secrets the operator provides";
    private static final Pattern TABLE_ROW_NAME = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|");

    private OperatorReadme() {
    }

    static Set<String> operatorProvidedSecrets() {
        List<String> lines;
        try {
            lines = Files.readAllLines(RepositoryLayout.operatorReadme());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RepositoryLayout.operatorReadme(), e);
        }
        Set<String> names = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals(SECRETS_HEADING);
                continue;
            }
            if (inSection) {
                Matcher m = TABLE_ROW_NAME.matcher(line);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
