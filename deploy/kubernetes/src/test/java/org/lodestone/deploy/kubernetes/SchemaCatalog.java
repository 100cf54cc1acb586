package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;

/**
 * JSON schemas per apiVersion and kind, laid out like the usual kubernetes-json-schema trees:
 * {@code v1.32.2-standalone-strict/<kind>[-<group>]-<version>.json} for Kubernetes kinds and
 * {@code crds/<group>/<kind>_<version>.json} for custom resources.
 *
 * <p>By default the copies in this module's test resources are used, so the build needs nothing outside the
 * repository; {@code -Dlodestone.k8s-schemas=dir} (or env {@code LODESTONE_K8S_SCHEMAS}) validates against
 * another tree of the same layout, e.g. a newer schema set.
 */
final class SchemaCatalog {

    static final String KUBERNETES_DIR = "v1.32.2-standalone-strict";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kubernetes' OpenAPI extensions: annotations for the API server's merge logic, not validation rules here. */
    private static final List<String> KUBERNETES_EXTENSIONS = List.of("x-kubernetes-list-type", "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type", "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key", "x-kubernetes-unions",
            "x-kubernetes-group-version-kind", "x-kubernetes-int-or-string", "x-kubernetes-validations",
            "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource");
    private static final JsonMetaSchema KUBERNETES_DRAFT4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
            .keywords(KUBERNETES_EXTENSIONS.stream().map(NonValidationKeyword::new).toList())
            .build();
    private static final JsonSchemaFactory FACTORY = new JsonSchemaFactory.Builder()
            .defaultMetaSchemaIri(KUBERNETES_DRAFT4.getIri())
            .metaSchema(KUBERNETES_DRAFT4)
            .build();
    private static final Map<String, Optional<JsonSchema>> CACHE = new ConcurrentHashMap<>();

    private SchemaCatalog() {
    }

    static Optional<JsonSchema> forDocument(JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText();
        String kind = doc.path("kind").asText();
        return CACHE.computeIfAbsent(apiVersion + "/" + kind, key -> load(relativePath(apiVersion, kind)));
    }

    static String relativePath(String apiVersion, String kind) {
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return KUBERNETES_DIR + "/" + lowerKind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.contains(".") && !group.endsWith(".k8s.io")) {
            return "crds/" + group + "/" + lowerKind + "_" + version + ".json";
        }
        // Built-in groups are named by their first label: networking.k8s.io -> networking.
        String shortGroup = group.contains(".") ? group.substring(0, group.indexOf('.')) : group;
        return KUBERNETES_DIR + "/" + lowerKind + "-" + shortGroup + "-" + version + ".json";
    }

    private static Optional<JsonSchema> load(String relativePath) {
        try (InputStream in = open(relativePath)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(in);
            if (node instanceof ObjectNode object) {
                // The Kubernetes schemas declare "http://json-schema.org/schema#", which names no draft; they are
                // draft-04 documents, and the factory defaults to draft 4.
                object.remove("$schema");
            }
            return Optional.of(FACTORY.getSchema(node));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + relativePath, e);
        }
    }

    private static InputStream open(String relativePath) throws IOException {
        String dir = System.getProperty("lodestone.k8s-schemas");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("LODESTONE_K8S_SCHEMAS");
        }
        if (dir != null && !dir.isBlank()) {
            Path file = Path.of(dir).resolve(relativePath);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }
        return SchemaCatalog.class.getClassLoader().getResourceAsStream("k8s-schemas/" + relativePath);
    }
}
