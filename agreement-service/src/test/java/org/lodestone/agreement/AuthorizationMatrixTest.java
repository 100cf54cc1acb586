package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every read path and mutation, for every kind of caller, against agreements of each visibility. The fixtures are
 * agreements between JP and AU on scandium (no seeded agreement names scandium), each with one commitment of JP.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuthorizationMatrixTest {

    /** Agreement visibility levels under test. */
    enum Level { PUBLIC, COALITION, PARTIES }

    /** Callers with a valid token, and the visibilities each may see. */
    enum Caller {
        NO_ROLE(TestTokens::noRole, EnumSet.of(Level.PUBLIC)),
        PARTY_MEMBER_JP(() -> TestTokens.member("JP"), EnumSet.allOf(Level.class)),
        COALITION_NON_PARTY_MEMBER_DE(() -> TestTokens.member("DE"), EnumSet.of(Level.PUBLIC, Level.COALITION)),
        NON_COALITION_MEMBER_UA(() -> TestTokens.member("UA"), EnumSet.of(Level.PUBLIC)),
        ANALYST(TestTokens::analyst, EnumSet.of(Level.PUBLIC, Level.COALITION)),
        ADMIN(TestTokens::admin, EnumSet.allOf(Level.class));

        final Supplier<String> token;
        final Set<Level> sees;

        Caller(Supplier<String> token, Set<Level> sees) {
            this.token = token;
            this.sees = sees;
        }
    }

    /** Tokens that must be refused before anything runs. */
    enum BadToken {
        ANONYMOUS(() -> null),
        FORGED(TestTokens::forged),
        EXPIRED(TestTokens::expired),
        WRONG_ISSUER(TestTokens::wrongIssuer),
        WRONG_AUDIENCE(TestTokens::wrongAudience);

        final Supplier<String> token;

        BadToken(Supplier<String> token) {
            this.token = token;
        }
    }

    private static final Map<Level, String[]> FIXTURES = new HashMap<>();

    /** [agreement id, commitment id] per visibility, created once by an admin. */
    static synchronized String[] fixture(Level visibility) {
        return FIXTURES.computeIfAbsent(visibility, v -> {
            String id = Fixtures.agreement("authz-" + v.name().toLowerCase(), v.name(), "IN_FORCE", List.of("JP", "AU"),
                    List.of("scandium"), "2026-01-01");
            return new String[] { id, Fixtures.commitment(id, "JP", 100.0, "USD", "2030-12-31") };
        });
    }

    static Stream<Arguments> callersAndVisibilities() {
        return Stream.of(Caller.values())
                .flatMap(c -> Stream.of(Level.values()).map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("callersAndVisibilities")
    void graphQLReadPathsShowAnAgreementExactlyWhenVisible(Caller caller, Level visibility) {
        String[] fixture = fixture(visibility);
        String id = fixture[0];
        String commitment = fixture[1];
        boolean visible = caller.sees.contains(visibility);
        String token = caller.token.get();

        GraphQL.ok(token, "{ agreements(filter: {mineral: \"scandium\"}) { id } }")
                .body("errors", nullValue())
                .body("data.agreements.id", visible ? hasItem(id) : not(hasItem(id)));

        var single = GraphQL.ok(token, "query($id: ID!) { agreement(id: $id) { id commitments { id } } }", Map.of("id", id));
        if (visible) {
            single.body("errors", nullValue()).body("data.agreement.id", equalTo(id))
                    .body("data.agreement.commitments.id", contains(commitment));
        } else {
            // exactly what an unknown id gets
            single.body("data.agreement", nullValue())
                    .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                    .body("errors[0].message", equalTo("Agreement " + id + " not found"));
        }

        GraphQL.ok(token, """
                query($reps: [_Any!]!) { _entities(representations: $reps) {
                  ... on Agreement { id title }
                  ... on Commitment { id agreement { id } }
                } }""", Map.of("reps", List.of(
                Map.of("__typename", "Agreement", "id", id),
                Map.of("__typename", "Commitment", "id", commitment))))
                .body("errors", nullValue())
                .body("data._entities[0]", visible ? notNullValue() : nullValue())
                .body("data._entities[1]", visible ? notNullValue() : nullValue())
                .body("data._entities[1].agreement.id", visible ? equalTo(id) : nullValue());

        GraphQL.ok(token, """
                query($reps: [_Any!]!) { _entities(representations: $reps) {
                  ... on Country { code agreements { id } commitments { id } }
                  ... on Mineral { id agreements { id } }
                } }""", Map.of("reps", List.of(
                Map.of("__typename", "Country", "code", "JP"),
                Map.of("__typename", "Mineral", "id", "scandium"))))
                .body("errors", nullValue())
                .body("data._entities[0].agreements.id", visible ? hasItem(id) : not(hasItem(id)))
                .body("data._entities[0].commitments.id", visible ? hasItem(commitment) : not(hasItem(commitment)))
                .body("data._entities[1].agreements.id", visible ? hasItem(id) : not(hasItem(id)));

        GraphQL.ok(token, "query($id: ID!) { commitments(filter: {agreement: $id}) { id agreement { id } } }",
                Map.of("id", id))
                .body("errors", nullValue())
                .body("data.commitments", hasSize(visible ? 1 : 0));

        GraphQL.ok(token, "{ commitmentsDashboard { byAgreement { key total } byObligor { key } } }")
                .body("errors", nullValue())
                .body("data.commitmentsDashboard.byAgreement.key", visible ? hasItem(id) : not(hasItem(id)));
    }

    @ParameterizedTest(name = "{0} reads {1} over REST")
    @MethodSource("callersAndVisibilities")
    void restReadPathsFollowTheSameRules(Caller caller, Level visibility) {
        String[] fixture = fixture(visibility);
        String id = fixture[0];
        String commitment = fixture[1];
        boolean visible = caller.sees.contains(visibility);
        String token = caller.token.get();
        int status = visible ? 200 : 404;

        given().auth().oauth2(token).get("/agreements/" + id).then().statusCode(status);
        if (!visible) {
            given().auth().oauth2(token).get("/agreements/" + id).then()
                    .body("detail", equalTo("Agreement " + id + " not found"));
        }
        given().auth().oauth2(token).get("/agreements/" + id + "/commitments").then().statusCode(status);
        given().auth().oauth2(token).get("/commitments/" + commitment).then().statusCode(status);
        given().auth().oauth2(token).get("/agreements?mineral=scandium").then().statusCode(200)
                .body("id", visible ? hasItem(id) : not(hasItem(id)));
        given().auth().oauth2(token).get("/agreements?ids=" + id + ",AG-US-JP-2023-CMA").then().statusCode(200)
                .body("id", visible ? hasItem(id) : not(hasItem(id)));
        given().auth().oauth2(token).get("/commitments?agreement=" + id).then().statusCode(200)
                .body("", hasSize(visible ? 1 : 0));
        given().auth().oauth2(token).get("/commitments?obligor=JP").then().statusCode(200)
                .body("id", visible ? hasItem(commitment) : not(hasItem(commitment)));
    }

    /** History: admins see it; other callers who can see the agreement get FORBIDDEN; hidden stays NOT_FOUND. */
    @ParameterizedTest(name = "{0} reads history of {1}")
    @MethodSource("callersAndVisibilities")
    void historyIsForAdminsOnly(Caller caller, Level visibility) {
        String id = fixture(visibility)[0];
        boolean visible = caller.sees.contains(visibility);
        String token = caller.token.get();
        var response = GraphQL.ok(token, "query($id: ID!) { agreement(id: $id) { id history { operation } } }",
                Map.of("id", id));
        if (caller == Caller.ADMIN) {
            response.body("errors", nullValue()).body("data.agreement.history[0].operation", equalTo("CREATE"));
            given().auth().oauth2(token).get("/agreements/" + id + "/history").then().statusCode(200)
                    .body("[0].operation", equalTo("CREATE"));
        } else if (visible) {
            response.body("data.agreement.id", equalTo(id))
                    .body("data.agreement.history", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].path", contains("agreement", "history"));
            given().auth().oauth2(token).get("/agreements/" + id + "/history").then().statusCode(403)
                    .contentType("application/problem+json");
        } else {
            response.body("data.agreement", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
            given().auth().oauth2(token).get("/agreements/" + id + "/history").then().statusCode(404);
        }
    }

    @ParameterizedTest(name = "{0} runs admin mutations")
    @EnumSource(Caller.class)
    void onlyAdminsCreateUpdateChangeStatusAndAddCommitments(Caller caller) {
        String token = caller.token.get();
        boolean admin = caller == Caller.ADMIN;
        String target = Fixtures.agreement("mut", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("scandium"),
                "2026-01-01");

        var create = GraphQL.ok(token, Fixtures.CREATE, Map.of("input", Fixtures.agreementInput(Fixtures.newId("mc"),
                "PUBLIC", "DRAFT", List.of("JP"), List.of("lithium"), null)));
        expect(create, admin, "createAgreement");

        var update = GraphQL.ok(token, AgreementChangesTest.UPDATE,
                Map.of("id", target, "v", 0, "input", Map.of("title", "Changed by " + caller)));
        expect(update, admin, "updateAgreement");
        int version = admin ? 1 : 0;

        var status = GraphQL.ok(token, StatusMachineTest.CHANGE, Map.of("id", target, "v", version, "s", "IN_FORCE"));
        expect(status, admin, "changeAgreementStatus");

        var add = GraphQL.ok(token, Fixtures.ADD_COMMITMENT,
                Map.of("agreementId", target, "input", Fixtures.commitmentInput("AU", 5.0, "USD", null)));
        expect(add, admin, "addCommitment");

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", String.valueOf(admin ? 2 : 0))
                .body(Map.of("summary", "REST change")).patch("/agreements/" + target).then()
                .statusCode(admin ? 200 : 403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.agreementInput(Fixtures.newId("mr"), "PUBLIC", "DRAFT", List.of("JP"), List.of(), null))
                .post("/agreements").then().statusCode(admin ? 201 : 403);

        // nothing a non-admin tried left a trace
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + target + "/history").then()
                .body("", hasSize(admin ? 5 : 1));
    }

    @ParameterizedTest(name = "{0} reports progress on a {1} commitment of JP")
    @MethodSource("callersAndVisibilities")
    void progressIsReportedByAdminsAndMembersOfTheObligorCountry(Caller caller, Level visibility) {
        String commitment = fixture(visibility)[1];
        String token = caller.token.get();
        boolean visible = caller.sees.contains(visibility);
        boolean allowed = caller == Caller.ADMIN || caller == Caller.PARTY_MEMBER_JP;
        var response = GraphQL.ok(token, AgreementChangesTest.REPORT, Map.of("id", commitment,
                "input", Map.of("amount", 10.0, "asOf", "2026-03-01", "note", "by " + caller)));
        if (allowed) {
            response.body("errors", nullValue()).body("data.reportProgress.id", equalTo(commitment));
        } else {
            response.body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo(visible ? "FORBIDDEN" : "NOT_FOUND"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("amount", 10.0, "asOf", "2026-03-01"))
                    .post("/commitments/" + commitment + "/progress").then().statusCode(visible ? 403 : 404);
            given().auth().oauth2(TestTokens.admin()).get("/commitments/" + commitment + "/progress").then()
                    .body("note", not(hasItem("by " + caller)));
        }
    }

    @ParameterizedTest(name = "{0} token is refused")
    @EnumSource(BadToken.class)
    void invalidTokensGet401Everywhere(BadToken bad) {
        String token = bad.token.get();
        GraphQL.post(token, "{ agreements { id } }").statusCode(401);
        GraphQL.post(token, "{ _service { sdl } }").statusCode(401);
        GraphQL.post(token, Fixtures.CREATE, Map.of("input", Fixtures.agreementInput(Fixtures.newId("bad"), "PUBLIC",
                "DRAFT", List.of("JP"), List.of(), null))).statusCode(401);
        for (String path : List.of("/agreements", "/agreements/AG-US-JP-2023-CMA", "/commitments",
                "/agreements/AG-US-JP-2023-CMA/history", "/commitments/dashboard")) {
            var request = given();
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            request.get(path).then().statusCode(401);
        }
        var post = given().contentType(ContentType.JSON).body(Map.of("title", "x"));
        if (token != null) {
            post = post.auth().oauth2(token);
        }
        post.post("/agreements").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static void expect(io.restassured.response.ValidatableResponse response, boolean admin, String field) {
        if (admin) {
            response.body("errors", nullValue()).body("data." + field, notNullValue());
        } else {
            response.body("data", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors", not(empty()));
        }
    }
}
