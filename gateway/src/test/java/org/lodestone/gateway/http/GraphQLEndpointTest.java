package org.lodestone.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.CoalitionStubsResource;
import org.lodestone.testing.TestTokens;


@QuarkusTest
@QuarkusTestResource(CoalitionStubsResource.class)
class GraphQLEndpointTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Inject
    GraphQLPostRoute post;

    @BeforeEach
    void reset() {
        CoalitionStubsResource.reset();
    }

    private static Map<String, Object> query(String query) {
        return Map.of("query", query);
    }

    @Test
    void postReturnsMergedDataAndForwardsTheToken() {
        String token = TestTokens.member("JP");
        given().auth().oauth2(token).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query("{ country(code: \"JP\") { name agreements { title } } }"))
                .when().post("/graphql")
                .then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.country.name", equalTo("Japan"))
                .body("data.country.agreements[0].title", equalTo("US-Japan Critical Minerals Agreement"))
                .body("errors", nullValue());
        assertEquals("Bearer " + token, CoalitionStubsResource.stub("agreements").received().get(0).authorization());
    }

    @Test
    void missingOrInvalidTokensGet401WithUnauthenticatedAndNothingRuns() {
        Map<String, String> tokens = Map.of("expired", TestTokens.expired(), "forged", TestTokens.forged(),
                "wrong issuer", TestTokens.wrongIssuer(), "wrong audience", TestTokens.wrongAudience(),
                "garbage", "not-a-jwt");
        tokens.forEach((kind, token) -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(query("{ countries { name } }"))
                .when().post("/graphql")
                .then().statusCode(401).contentType(ContentType.JSON)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data", nullValue()));
        given().contentType(ContentType.JSON).body(query("{ countries { name } }"))
                .when().post("/graphql")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().queryParam("query", "{ countries { name } }").when().get("/graphql")
                .then().statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(0, CoalitionStubsResource.totalRequests());
    }

    @Test
    void everyRoleMayQueryAndScopesGuardMutations() {
        for (String token : List.of(TestTokens.member("DE"), TestTokens.analyst(), TestTokens.admin(), TestTokens.noRole())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(query("{ countries { code } }"))
                    .when().post("/graphql").then().statusCode(200).body("data.countries[0].code", equalTo("US"));
        }
        String mutation = "mutation { recordExportControl(input: {imposingCountry: \"CN\", minerals: [\"gallium\"], measure: \"ban\"}) { id } }";
        for (String token : List.of(TestTokens.member("JP"), TestTokens.noRole())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(query(mutation))
                    .when().post("/graphql").then().statusCode(200)
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].path", equalTo(List.of("recordExportControl")));
        }
        assertEquals(0, CoalitionStubsResource.stub("minerals").requestCount());
        for (String token : List.of(TestTokens.analyst(), TestTokens.admin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(query(mutation))
                    .when().post("/graphql").then().statusCode(200).body("data.recordExportControl.id", equalTo("ec2"));
        }
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(query("mutation { createAgreement(title: \"T\") { id } }"))
                .when().post("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void getRunsQueriesAndRefusesMutations() {
        given().auth().oauth2(TestTokens.analyst()).accept(GRAPHQL_RESPONSE)
                .queryParam("query", "query($c: ID!) { country(code: $c) { name } }")
                .queryParam("variables", "{\"c\":\"DE\"}")
                .when().get("/graphql")
                .then().statusCode(200).body("data.country.name", equalTo("Germany"));
        given().auth().oauth2(TestTokens.admin()).accept(GRAPHQL_RESPONSE)
                .queryParam("query", "mutation { createAgreement(title: \"T\") { id } }")
                .when().get("/graphql")
                .then().statusCode(405).header("Allow", "POST");
        assertEquals(0, CoalitionStubsResource.stub("agreements").requestCount());
    }

    @Test
    void requestErrorsAre400ForGraphQLResponseJsonAnd200ForLegacyJson() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query("{ countries { name "))
                .when().post("/graphql")
                .then().statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT")).body("data", nullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query("{ countries { population } }"))
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].message", containsString("population"))
                .body("errors[0].locations[0].line", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(query("{ countries { population } }"))
                .when().post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(Map.of("query", "query($c: ID!) { country(code: $c) { name } }", "variables", Map.of()))
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of()))
                .when().post("/graphql").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/graphql").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.TEXT).body("{ countries { name } }")
                .when().post("/graphql").then().statusCode(415);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept("text/html")
                .body(query("{ countries { name } }"))
                .when().post("/graphql").then().statusCode(406);
        assertEquals(0, CoalitionStubsResource.totalRequests());
    }

    /**
     * A token verified once is remembered, and its later plain POSTs are served by {@link GraphQLPostRoute} instead of
     * the REST resource: the answers (status, media type, body) are the same either way.
     */
    @Test
    void rememberedTokensGetTheSameAnswersFromTheDirectRoute() {
        String token = TestTokens.member("JP");
        long servedBefore = post.served();
        List<Map<String, Object>> requests = List.of(
                Map.of("accept", GRAPHQL_RESPONSE, "body", "{\"query\": \"{ country(code: \\\"JP\\\") { name } }\"}"),
                Map.of("accept", GRAPHQL_RESPONSE, "body", "{\"query\": \"{ countries { name \"}"),
                Map.of("accept", "application/json", "body", "{\"query\": \"{ countries { population } }\"}"),
                Map.of("accept", GRAPHQL_RESPONSE, "body", "[1, 2]"),
                Map.of("accept", GRAPHQL_RESPONSE, "body", "{\"variables\": {}}"));
        for (Map<String, Object> request : requests) {
            Response first = postAs(token, request);
            Response second = postAs(token, request);
            assertEquals(first.statusCode(), second.statusCode(), request.toString());
            assertEquals(first.contentType(), second.contentType(), request.toString());
            assertEquals(first.asString(), second.asString(), request.toString());
        }
        assertEquals(200, postAs(token, requests.get(0)).statusCode());
        // Each second request at least came with a token verified just before.
        assertTrue(post.served() - servedBefore >= requests.size() + 1,
                "served directly: " + (post.served() - servedBefore));
    }

    private static Response postAs(String token, Map<String, Object> request) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept((String) request.get("accept"))
                .body((String) request.get("body")).when().post("/graphql").thenReturn();
    }

    @Test
    void contentNegotiationFollowsGraphQLOverHttp() {
        assertEquals("application/json", GraphQLResource.responseType(null));
        assertEquals("application/json", GraphQLResource.responseType("*/*"));
        assertEquals("application/json", GraphQLResource.responseType("application/*"));
        assertEquals("application/json", GraphQLResource.responseType("application/json, */*;q=0.8"));
        assertEquals("application/json", GraphQLResource.responseType("application/json, */*"));
        assertEquals("application/graphql-response+json",
                GraphQLResource.responseType("application/json;q=0.9, application/graphql-response+json"));
        assertEquals(null, GraphQLResource.responseType("text/html"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=utf-16").body("{}")
                .when().post("/graphql").then().statusCode(415);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(query("{ countries { code } }"))
                .when().post("/graphql")
                .then().statusCode(200).header("Content-Type", equalTo("application/json; charset=utf-8"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query("{ countries { code } }"))
                .when().post("/graphql")
                .then().statusCode(200).header("Content-Type", equalTo("application/graphql-response+json; charset=utf-8"));
    }

    @Test
    void limitsRejectDeepWideAndLongOperations() {
        // 16 levels: countries, then agreements/parties alternating, then code.
        String deep = "{ countries {" + " agreements { parties {".repeat(7) + " code" + " }".repeat(15) + " }";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query(deep)).when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.limit", equalTo("maxDepth"));
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            aliases.append(" a").append(i).append(": countries { code }");
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query(aliases.append('}').toString())).when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.limit", equalTo("maxAliases"));
        String padded = "{ countries { code } }" + " ".repeat(20001);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(query(padded)).when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.limit", equalTo("maxQueryLength"));
        String huge = "{\"query\": \"{ countries { code } }\", \"variables\": {\"pad\": \"" + "x".repeat(110_000) + "\"}}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(huge).when().post("/graphql")
                .then().statusCode(413).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        assertEquals(0, CoalitionStubsResource.totalRequests());
    }

    @Test
    void debugHeaderReturnsThePlan() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("X-Lodestone-Debug-Plan", "true")
                .body(query("{ countries { name agreements { title } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("extensions.queryPlan", containsString("Fetch(agreements, #1) [Country @ countries.@ {__typename code}]"))
                .body("extensions.subgraphRequests", equalTo(2));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(query("{ countries { name } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("extensions", nullValue());
    }

    @Test
    void introspectionComesFromTheApiSchema() {
        given().auth().oauth2(TestTokens.member("JP")).contentType(ContentType.JSON)
                .body(query("{ __schema { queryType { name } types { name } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.__schema.queryType.name", equalTo("Query"))
                .body("data.__schema.types.name", hasItem("Country"))
                .body("data.__schema.types.name", not(hasItem("join__Graph")));
        assertEquals(0, CoalitionStubsResource.totalRequests());
    }

    @Test
    void partialDataWhenASubgraphIsDown() {
        CoalitionStubsResource.stub("minerals").mode(org.lodestone.gateway.testsupport.StubSubgraph.Mode.FAIL_500);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(query("{ country(code: \"JP\") { name } mineral(id: \"lithium\") { name } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.country.name", equalTo("Japan"))
                .body("data.mineral", nullValue())
                .body("errors[0].path", equalTo(List.of("mineral")))
                .body("errors[0].extensions.code", equalTo("SUBGRAPH_UNAVAILABLE"));
    }

    @Test
    void healthAndMetricsAreOpen() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.countries", notNullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(query("{ countries { code } }"))
                .when().post("/graphql").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("lodestone_gateway_subgraph_fetch_seconds_count{outcome=\"success\",subgraph=\"countries\"}"))
                .body(containsString("lodestone_gateway_plan_cache_hits_total"));
    }
}
