package org.lodestone.gateway.supergraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.SchemaPrinter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.Supergraphs;


class SupergraphLoaderTest {

    @Test
    void readsSubgraphsAndUrlsFromJoinGraph() {
        Supergraph supergraph = Supergraphs.coalition();
        assertEquals(List.of("agreements", "countries", "minerals"), supergraph.subgraphNames());
        assertEquals("http://localhost:4001/countries", supergraph.subgraph("COUNTRIES").url());
    }

    @Test
    void configuredUrlsOverrideTheComposedOnes() {
        Supergraph supergraph = Supergraphs.coalition()
                .withUrls(Map.of("countries", "http://country-service:8081/graphql", "MINERALS", "http://m/graphql"));
        assertEquals("http://country-service:8081/graphql", supergraph.subgraph("COUNTRIES").url());
        assertEquals("http://m/graphql", supergraph.subgraph("MINERALS").url());
        assertEquals("http://localhost:4001/agreements", supergraph.subgraph("AGREEMENTS").url());
    }

    @Test
    void readsKeysFieldOwnershipAndAccessRules() {
        Supergraph supergraph = Supergraphs.coalition();
        TypeMeta country = supergraph.type("Country");
        assertEquals(3, country.keys().size());
        assertEquals("code", country.resolvableKey("AGREEMENTS").fields().toString());
        assertNull(supergraph.type("Mineral").resolvableKey("COUNTRIES"), "resolvable: false keys are not fetchable");
        assertEquals(List.of("MINERALS"), country.field("supplyShares").resolvingGraphs());
        assertEquals(List.of("AGREEMENTS", "COUNTRIES", "MINERALS"), country.field("code").resolvingGraphs());
        AccessRule createAgreement = supergraph.type("Mutation").field("createAgreement").access();
        assertEquals(List.of(List.of("admin")), createAgreement.scopes());
        assertFalse(createAgreement.allows(true, List.of("member"), policy -> false));
        assertTrue(createAgreement.allows(true, List.of("member", "admin"), policy -> false));
        AccessRule recordExportControl = supergraph.type("Mutation").field("recordExportControl").access();
        assertTrue(recordExportControl.allows(true, List.of("analyst"), policy -> false));
        assertTrue(recordExportControl.allows(true, List.of("admin"), policy -> false));
    }

    @Test
    void readsRequiresProvidesOverrideAndExternal() {
        Supergraph supergraph = Supergraphs.features();
        TypeMeta product = supergraph.type("Product");
        assertEquals("price weight", product.field("shippingEstimate").source("SHIPPING").orElseThrow().requires().toString());
        assertEquals(List.of("SHIPPING"), product.field("inStock").resolvingGraphs(), "@override moves inStock to shipping");
        assertEquals(List.of("ACCOUNTS", "CATALOG"), product.field("price").resolvingGraphs(), "external is not a source");
        assertEquals("name", supergraph.type("Review").field("author").source("SHIPPING").orElseThrow().provides().toString());
        assertTrue(supergraph.type("Query").field("whoami").access().authenticated());
    }

    @Test
    void apiSchemaHasNoJoinMachineryNorInaccessibleElements() {
        Supergraph supergraph = Supergraphs.features();
        String printed = new SchemaPrinter().print(supergraph.apiSchema());
        assertFalse(printed.contains("join__"), printed);
        assertFalse(printed.contains("link__"), printed);
        assertFalse(printed.contains("@inaccessible"), printed);
        GraphQLObjectType query = supergraph.apiSchema().getQueryType();
        assertNull(query.getFieldDefinition("secretThing"));
        assertNotNull(query.getFieldDefinition("search"));
        assertNull(supergraph.apiSchema().getObjectType("Product").getFieldDefinition("internalCode"));
        assertEquals(Set("Book", "Movie"), supergraph.possibleTypes("Media"));
    }

    @Test
    void loadsFromAFilePath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("supergraph.graphql");
        Files.writeString(file, StubSubgraph.resource("supergraphs/coalition.graphql"));
        assertEquals(3, SupergraphLoader.load(file.toString()).subgraphs().size());
    }

    @Test
    void rejectsASubgraphSdlThatIsNotASupergraph() {
        String subgraphSdl = StubSubgraph.resource("subgraphs/coalition/countries.graphql");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> SupergraphLoader.parse(subgraphSdl));
        assertTrue(failure.getMessage().contains("join__Graph"));
    }

    private static java.util.Set<String> Set(String... names) {
        return new java.util.TreeSet<>(List.of(names));
    }
}
