package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code @requires(fields: "media { ... on Book { pages } ... on Film { minutes } }")} on an abstract field: the
 * gateway asks the owner for each type condition and sends each object's own branch, with its {@code __typename},
 * in the representation.
 */
class RequiresWithTypeConditionsTest {

    private static final String QUERY = "{ products { id packaging } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/requires-fragments.graphql", "requires-fragments");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theRequiredBranchesArePlannedUnderTheirTypeConditions() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(catalog, #0) query{products{id __typename media{__typename ...on Book{pages} ...on Film{minutes}}}}
                  }
                  Level 1 {
                    Fetch(shipping, #1) [Product @ products.@ {__typename id media { ... on Book { pages } ... on Film { minutes } }}] query($representations:[_Any!]!){_entities(representations:$representations){...on Product{packaging}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/requires-fragments.graphql"), QUERY)
                .toString());
    }

    @Test
    void eachObjectSendsItsOwnBranch() {
        gateway.reset();
        Map<String, Object> body = gateway.run(QUERY);
        assertNull(body.get("errors"), body.toString());
        assertEquals(Map.of("id", "p1", "packaging", "padded envelope"), at(body, "data", "products", 0));
        assertEquals("box", at(body, "data", "products", 1, "packaging"));
        assertEquals("[{__typename=Product, id=p1, media={__typename=Book, pages=320}}, "
                + "{__typename=Product, id=p2, media={__typename=Film, minutes=95}}]",
                String.valueOf(gateway.stub("shipping").received().get(0).variables().get("representations")));
    }
}
