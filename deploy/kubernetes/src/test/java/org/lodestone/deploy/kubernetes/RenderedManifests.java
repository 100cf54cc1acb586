package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** One overlay rendered by real {@code kubectl kustomize}, once per test JVM, as a list of documents. */
final class RenderedManifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, RenderedManifests> CACHE = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String overlay;
    private final List<JsonNode> documents;

    private RenderedManifests(String overlay, List<JsonNode> documents) {
        this.overlay = overlay;
        this.documents = List.copyOf(documents);
    }

    static RenderedManifests of(String overlay) {
        return CACHE.computeIfAbsent(overlay, RenderedManifests::render);
    }

    private static RenderedManifests render(String overlay) {
        String yaml = Kubectl.kustomize(RepositoryLayout.overlay(overlay));
        try {
            // Kept for people reading a failure; target/ is never committed.
            Path out = RepositoryLayout.buildDir().resolve("rendered").resolve(overlay + ".yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, yaml);
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        docs.add(doc);
                    }
                }
            }
            return new RenderedManifests(overlay, docs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the render of overlay " + overlay, e);
        }
    }

    String overlay() {
        return overlay;
    }

    List<JsonNode> all() {
        return documents;
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String describe(JsonNode doc) {
        return doc.path("kind").asText() + "/" + name(doc);
    }
}
