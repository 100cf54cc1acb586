package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code @context} / {@code @fromContext} (Federation 2.8): {@code Cart.total(currency:)} takes {@code currency} from
 * the nearest {@code User} above it. The gateway asks the user for its currency (from the subgraph owning it), then
 * calls {@code _entities} on the carts with the value as a variable, as Apollo Router does
 * ({@code total(currency: $contextualArgument_0)}); carts reached from users with different currencies go in
 * separate requests, so each gets the value of its own ancestor.
 */
class FromContextTest {

    private static TestGateway sameSubgraph;
    private static TestGateway remote;
    private static TestGateway union;

    @BeforeAll
    static void start() {
        sameSubgraph = new TestGateway("supergraphs/context.graphql", "context");
        remote = new TestGateway("supergraphs/context-remote.graphql", "context-remote");
        union = new TestGateway("supergraphs/context-union.graphql", "context-union");
    }

    @AfterAll
    static void stop() {
        sameSubgraph.close();
        remote.close();
        union.close();
    }

    @Test
    void aContextOnAUnionIsReadThroughTheSelectionsTypeConditions() {
        String query = "{ featured { ... on Book { offer { price seller } } } }";
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(media, #0) query{featured{__typename ...on Book{offer{__typename id} __typename _lodestone_ctx_0:region}}}
                  }
                  Level 1 {
                    Fetch(media, #1) [Offer @ featured.offer {__typename id} with $contextualArgument_0 = featured._lodestone_ctx_0] query($representations:[_Any!]!,$contextualArgument_0:String){_entities(representations:$representations){...on Offer{price(region: $contextualArgument_0)}}}
                    Fetch(offers, #2) [Offer @ featured.offer {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Offer{seller}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/context-union.graphql"), query)
                .toString());
        union.reset();
        Map<String, Object> body = union.run(query);
        assertNull(body.get("errors"), body.toString());
        assertEquals(Map.of("offer", Map.of("price", 12, "seller", "Atlas Books")), at(body, "data", "featured"));
        assertEquals("EU", union.stub("media").received().get(1).variables().get("contextualArgument_0"));
    }

    @Test
    void theValueComesFromTheAncestorInTheSameSubgraph() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(users, #0) query{users{id cart{__typename id} __typename _lodestone_ctx_0:currency}}
                  }
                  Level 1 {
                    Fetch(users, #1) [Cart @ users.@.cart {__typename id} with $contextualArgument_0 = users.@._lodestone_ctx_0] query($representations:[_Any!]!,$contextualArgument_0:String){_entities(representations:$representations){...on Cart{total(currency: $contextualArgument_0)}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/context.graphql"),
                "{ users { id cart { total } } }").toString());

        sameSubgraph.reset();
        Map<String, Object> body = sameSubgraph.run("{ users { id cart { total } } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals("12.00 EUR", at(body, "data", "users", 0, "cart", "total"));
        assertEquals("13.10 USD", at(body, "data", "users", 1, "cart", "total"), "the same cart, its own user's currency");
        // The gateway's own alias never reaches the client.
        assertEquals(Map.of("id", "u1", "cart", Map.of("total", "12.00 EUR")), at(body, "data", "users", 0));
        List<StubSubgraph.Received> received = sameSubgraph.stub("users").received();
        assertEquals(3, received.size(), "one root request, one _entities request per distinct currency");
        assertEquals(List.of("EUR", "USD"), received.subList(1, 3).stream()
                .map(r -> r.variables().get("contextualArgument_0")).sorted().toList());
    }

    @Test
    void theValueIsFetchedFromTheSubgraphThatOwnsItFirst() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(users, #0) query{users{name cart{__typename id} __typename id}}
                  }
                  Level 1 {
                    Fetch(settings, #1) [User @ users.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on User{_lodestone_ctx_0:currency}}}
                    Fetch(carts, #3) [Cart @ users.@.cart {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Cart{items}}}
                  }
                  Level 2 {
                    Fetch(users, #2) [Cart @ users.@.cart {__typename id} with $contextualArgument_0 = users.@._lodestone_ctx_0] query($representations:[_Any!]!,$contextualArgument_0:String){_entities(representations:$representations){...on Cart{total(currency: $contextualArgument_0)}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/context-remote.graphql"),
                "{ users { name cart { total items } } }").toString());

        remote.reset();
        Map<String, Object> body = remote.run("{ users { name cart { total items } } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals(Map.of("name", "Aiko", "cart", Map.of("total", "12.00 EUR", "items", 3)),
                at(body, "data", "users", 0));
        assertEquals("43.60 USD", at(body, "data", "users", 1, "cart", "total"));
        assertEquals("13.10 USD", at(body, "data", "users", 2, "cart", "total"));
        Map<Object, Object> representationsByCurrency = new TreeMap<>();
        remote.stub("users").received().stream().skip(1).forEach(r -> representationsByCurrency.put(
                r.variables().get("contextualArgument_0"), r.variables().get("representations")));
        assertEquals("{EUR=[{__typename=Cart, id=c1}], USD=[{__typename=Cart, id=c2}, {__typename=Cart, id=c1}]}",
                representationsByCurrency.toString());
    }
}
