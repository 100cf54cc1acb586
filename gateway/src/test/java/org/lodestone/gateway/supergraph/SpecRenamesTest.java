package org.lodestone.gateway.supergraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.Supergraphs;

/**
 * A supergraph that links the join spec {@code as: "j"} and the inaccessible spec {@code as: "hidden"} is the same
 * supergraph: the same subgraphs, API schema and plans as with the default names. Strings and descriptions that
 * happen to contain the local names are left as they are.
 */
class SpecRenamesTest {

    private static final String QUERY = "{ listings { __typename id price } product(id: \"p1\") { stock availability } }";

    @Test
    void renamedJoinAndInaccessibleSpecsLoadAsTheDefaultNames() {
        String original = SupergraphLoader.readLocation("classpath:supergraphs/override.graphql");
        String renamed = rename(original);
        assertNotEquals(original, renamed);

        Supergraph expected = SupergraphLoader.parse(original);
        Supergraph actual = SupergraphLoader.parse(renamed);

        assertEquals(expected.subgraphNames(), actual.subgraphNames());
        assertEquals(print(expected), print(actual));
        assertEquals(Supergraphs.plan(expected, QUERY).toString(), Supergraphs.plan(actual, QUERY).toString());
    }

    @Test
    void anElementMarkedWithTheRenamedInaccessibleDirectiveStaysOutOfTheApiSchema() {
        String original = SupergraphLoader.readLocation("classpath:supergraphs/inaccessible.graphql");
        String renamed = rename(original).replace("  IN_STOCK @j__enumValue",
                "  \"On hand; @hidden and j__field in a description are words\"\n  IN_STOCK @j__enumValue");

        Supergraph supergraph = SupergraphLoader.parse(renamed);

        GraphQLEnumType availability = (GraphQLEnumType) supergraph.apiSchema().getType("Availability");
        assertEquals(List.of("IN_STOCK", "BACKORDER"),
                availability.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
        assertEquals("On hand; @hidden and j__field in a description are words",
                availability.getValue("IN_STOCK").getDescription());
    }

    private static String rename(String sdl) {
        return sdl.replace("https://specs.apollo.dev/join/v0.4\", for: EXECUTION)",
                        "https://specs.apollo.dev/join/v0.4\", as: \"j\", for: EXECUTION)")
                .replace("https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)",
                        "https://specs.apollo.dev/inaccessible/v0.2\", as: \"hidden\", for: SECURITY)")
                .replace("join__", "j__")
                .replace("@inaccessible", "@hidden");
    }

    private static String print(Supergraph supergraph) {
        return new SchemaPrinter().print(supergraph.apiSchema());
    }
}
