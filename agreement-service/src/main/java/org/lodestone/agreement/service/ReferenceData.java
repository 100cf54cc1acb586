package org.lodestone.agreement.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Codes this service accepts in input: ISO 3166-1 alpha-2 countries plus EU, and the mineral ids of the shared seed
 * (a copy of mineral-service's id list, {@code seed/mineral-ids.txt}, so validation needs no network call).
 */
@ApplicationScoped
public class ReferenceData {

    private final Set<String> countries;
    private final Set<String> minerals;

    public ReferenceData() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("EU");
        this.countries = Set.copyOf(codes);
        this.minerals = Set.copyOf(readMineralIds());
    }

    public boolean isCountry(String code) {
        return code != null && countries.contains(code);
    }

    public boolean isMineral(String id) {
        return id != null && minerals.contains(id);
    }

    public int mineralCount() {
        return minerals.size();
    }

    private static Set<String> readMineralIds() {
        Set<String> ids = new HashSet<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream("/seed/mineral-ids.txt")) {
            if (in == null) {
                throw new IllegalStateException("seed/mineral-ids.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String id = line.trim();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
