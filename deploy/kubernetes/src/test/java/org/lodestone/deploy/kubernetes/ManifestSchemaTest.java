package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

/** Every rendered document of every overlay is valid against the strict Kubernetes 1.32 or CRD schema of its kind. */
class ManifestSchemaTest {

    @TestFactory
    Stream<DynamicNode> everyRenderedDocumentMatchesItsSchema() {
        return RenderedManifests.OVERLAYS.stream().map(overlay -> DynamicContainer.dynamicContainer(overlay,
                RenderedManifests.of(overlay).all().stream().map(doc -> DynamicTest.dynamicTest(
                        RenderedManifests.describe(doc), () -> assertValid(overlay, doc)))));
    }

    @Test
    void bothOverlaysRenderSomething() {
        for (String overlay : RenderedManifests.OVERLAYS) {
            assertFalse(RenderedManifests.of(overlay).ofKind("Deployment").isEmpty(), overlay + " renders no Deployment");
        }
    }

    @Test
    void aKindWithoutSchemaIsRejected() {
        // Guards the rule "a document whose kind has no schema fails": the lookup must not fall back to anything.
        JsonNode unknown = new ObjectMapper().createObjectNode().put("apiVersion", "example.org/v1").put("kind", "Widget");
        assertTrue(SchemaCatalog.forDocument(unknown).isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> everySchemaInUseRejectsUnknownFields() {
        // Proves the validation is strict for each kind we render, so a typo such as "readinesProbe" or a field the
        // installed CRD version does not know cannot pass silently.
        Map<String, JsonNode> oneOfEachKind = new TreeMap<>();
        for (String overlay : RenderedManifests.OVERLAYS) {
            RenderedManifests.of(overlay).all().forEach(d -> oneOfEachKind.putIfAbsent(d.path("kind").asText(), d));
        }
        return oneOfEachKind.values().stream().map(doc -> DynamicTest.dynamicTest(doc.path("kind").asText(), () -> {
            ObjectNode typo = doc.deepCopy();
            ObjectNode target = typo.path("spec").isObject() ? (ObjectNode) typo.path("spec") : typo;
            target.put("lodestoneTypo", 1);
            assertFalse(SchemaCatalog.forDocument(typo).orElseThrow().validate(typo).isEmpty(),
                    doc.path("kind").asText() + " schema accepts an unknown field");
        }));
    }

    private static void assertValid(String overlay, JsonNode doc) {
        Optional<JsonSchema> schema = SchemaCatalog.forDocument(doc);
        if (schema.isEmpty()) {
            fail(overlay + ": no schema for " + doc.path("apiVersion").asText() + " " + doc.path("kind").asText()
                    + " (expected " + SchemaCatalog.relativePath(doc.path("apiVersion").asText(), doc.path("kind").asText()) + ")");
        }
        Set<ValidationMessage> errors = schema.get().validate(doc);
        if (!errors.isEmpty()) {
            fail(overlay + ": " + RenderedManifests.describe(doc) + " violates its schema:\n  "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n  ")));
        }
    }
}
