package org.lodestone.country;

import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the subgraph, for every kind of caller: a missing or bad token is an HTTP 401 before
 * anything executes; any valid token may read (this subgraph has no mutations).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class GraphQLSecurityTest {

    private static final Map<String, String> OPERATIONS = Map.of(
            "me", """
                    { me { subject roles } }
                    """,
            "countries", """
                    { countries(coalitionOnly: true) { code dependencies { indicator } policyMeasures { kind } } }
                    """,
            "country", """
                    { country(code: "JP") { code dependencies(mineral: "rare_earths") { value source { refs } } } }
                    """,
            "_entities", """
                    { _entities(representations: [{__typename: "Country", code: "US"}]) { ... on Country { name } } }
                    """,
            "_service", """
                    { _service { sdl } }
                    """);

    static Stream<Arguments> matrix() {
        List<Object[]> callers = List.of(
                new Object[] { "anonymous", null, 401 },
                new Object[] { "expired", TestTokens.expired(), 401 },
                new Object[] { "forged", TestTokens.forged(), 401 },
                new Object[] { "wrong issuer", TestTokens.wrongIssuer(), 401 },
                new Object[] { "wrong audience", TestTokens.wrongAudience(), 401 },
                new Object[] { "member JP", TestTokens.member("JP"), 200 },
                new Object[] { "member of a non-coalition country", TestTokens.member("CN"), 200 },
                new Object[] { "analyst", TestTokens.analyst(), 200 },
                new Object[] { "admin", TestTokens.admin(), 200 },
                new Object[] { "no role", TestTokens.noRole(), 200 });
        return OPERATIONS.keySet().stream().sorted().flatMap(operation -> callers.stream()
                .map(caller -> Arguments.of(operation, caller[0], caller[1], caller[2])));
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void operation(String operation, String who, String token, int expected) {
        var response = GraphQL.post(token, OPERATIONS.get(operation)).statusCode(expected);
        if (expected == 200) {
            response.body("errors", nullValue()).body("data." + operation, notNullValue());
        }
    }
}
