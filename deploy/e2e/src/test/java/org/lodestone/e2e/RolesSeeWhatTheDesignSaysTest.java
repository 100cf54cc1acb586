package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md "Security model": PUBLIC agreements for any caller, COALITION for coalition members, analysts and
 * admins, PARTIES for the parties' members and admins; each role only does what it may.
 */
@Order(1)
@ExtendWith(RunningStack.class)
class RolesSeeWhatTheDesignSaysTest {

    private static final String CREATE = """
            mutation Create($input: NewAgreement!) {
              createAgreement(input: $input) { id title visibility status version parties { code } }
            }
            """;

    private static final String VISIBLE = """
            query Visible($id: ID!) {
              agreement(id: $id) { id title }
              agreements { id }
              country(code: "US") { code agreements { id } }
            }
            """;

    private static String partiesUsJp;
    private static String coalitionWide;
    private static String publicOne;

    @BeforeAll
    static void adminCreatesOneAgreementPerVisibility() {
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");
        step("coalition-admin creates a PARTIES agreement between US and JP, a COALITION and a PUBLIC one");
        partiesUsJp = create(graphql, admin, "PARTIES", List.of("US", "JP"));
        coalitionWide = create(graphql, admin, "COALITION", List.of("US", "DE"));
        publicOne = create(graphql, admin, "PUBLIC", List.of("AU", "IN"));
    }

    @Test
    @Order(1)
    void everyDemoUserGetsATokenAndTheGatewayKnowsWhoTheyAre() {
        String query = "{ me { username roles country { code } } }";
        for (String country : List.of("us", "jp", "de", "fr", "gb", "it", "ca", "eu", "au", "in", "kr", "mx")) {
            Graphql.Result me = RunningStack.graphql().call(RunningStack.keycloak().token(country + "-member"), query)
                    .withoutErrors();
            assertEquals(country + "-member", me.get("data.me.username"));
            assertEquals(country.toUpperCase(), me.get("data.me.country.code"));
            assertTrue(me.<List<String>>get("data.me.roles").contains("member"));
        }
        Graphql.Result analyst = RunningStack.graphql().call(RunningStack.keycloak().token("coalition-analyst"), query)
                .withoutErrors();
        assertTrue(analyst.<List<String>>get("data.me.roles").contains("analyst"));
        Graphql.Result admin = RunningStack.graphql().call(RunningStack.keycloak().token("coalition-admin"), query)
                .withoutErrors();
        assertTrue(admin.<List<String>>get("data.me.roles").contains("admin"));
        step("me: 12 members, the analyst and the admin are recognised with their roles and countries");
    }

    @Test
    @Order(2)
    void partiesAgreementIsVisibleToItsPartiesAndTheAdminOnly() {
        step("PARTIES agreement US-JP: visible to us-member, jp-member, coalition-admin; not to de-member or the analyst");
        assertSees("us-member", partiesUsJp, true);
        assertSees("jp-member", partiesUsJp, true);
        assertSees("coalition-admin", partiesUsJp, true);
        assertSees("de-member", partiesUsJp, false);
        assertSees("coalition-analyst", partiesUsJp, false);
    }

    @Test
    @Order(3)
    void coalitionAndPublicAgreementsAreVisibleToEveryDemoRole() {
        step("COALITION and PUBLIC agreements: visible to every demo member (all are coalition members), analyst, admin");
        for (String user : List.of("de-member", "kr-member", "coalition-analyst", "coalition-admin")) {
            assertSees(user, coalitionWide, true);
            assertSees(user, publicOne, true);
        }
    }

    @Test
    @Order(4)
    void membersAndAnalystsCannotManageAgreementsAndMembersCannotRecordExportControls() {
        Graphql graphql = RunningStack.graphql();
        step("jp-member and coalition-analyst try createAgreement: FORBIDDEN");
        for (String user : List.of("jp-member", "coalition-analyst")) {
            Graphql.Result refused = graphql.call(RunningStack.keycloak().token(user), CREATE,
                    Map.of("input", newAgreement("should never exist", "PUBLIC", List.of("US", "JP"))));
            assertEquals("FORBIDDEN", refused.firstErrorCode(), refused.body());
        }
        step("jp-member tries recordExportControl: FORBIDDEN");
        Graphql.Result refused = graphql.call(RunningStack.keycloak().token("jp-member"), """
                mutation { recordExportControl(input: {imposingCountry: "CN", minerals: ["gallium"], targets: [],
                  targetsAll: true, measure: "licence", summary: "e2e", source: "Lodestone end-to-end test"}) { id } }
                """);
        assertEquals("FORBIDDEN", refused.firstErrorCode(), refused.body());
    }

    private static void assertSees(String user, String agreementId, boolean visible) {
        Graphql.Result result = RunningStack.graphql().call(RunningStack.keycloak().token(user), VISIBLE,
                Map.of("id", agreementId));
        if (visible) {
            result.withoutErrors();
        } else {
            // a hidden agreement answers exactly like a missing one: null, at most a NOT_FOUND error on that field
            assertTrue(result.errors().stream().allMatch(e -> "NOT_FOUND".equals(Graphql.Result.code(e))
                    && List.of("agreement").equals(e.get("path"))), result.body());
        }
        List<String> listed = result.get("data.agreements.id");
        List<String> throughCountry = result.get("data.country.agreements.id");
        String byId = result.get("data.agreement.id");
        step("  " + user + (visible ? " sees " : " does not see ") + agreementId + ": agreement(id)="
                + (byId != null) + ", agreements=" + listed.contains(agreementId) + ", Country(US).agreements="
                + throughCountry.contains(agreementId));
        if (visible) {
            assertNotNull(byId, user + " should see " + agreementId);
            assertTrue(listed.contains(agreementId), user + " should find " + agreementId + " in agreements");
        } else {
            assertNull(byId, user + " must not see " + agreementId);
            assertFalse(listed.contains(agreementId), user + " must not find " + agreementId + " in agreements");
            assertFalse(throughCountry.contains(agreementId), user + " must not reach " + agreementId + " through Country");
        }
    }

    private static String create(Graphql graphql, String admin, String visibility, List<String> parties) {
        Graphql.Result created = graphql.call(admin, CREATE, Map.of("input",
                newAgreement("E2E " + visibility + " " + String.join("-", parties) + " " + System.nanoTime(), visibility,
                        parties))).withoutErrors();
        assertEquals(visibility, created.get("data.createAgreement.visibility"));
        return created.get("data.createAgreement.id");
    }

    static Map<String, Object> newAgreement(String title, String visibility, List<String> parties) {
        return Map.of("title", title, "type", "bilateral", "parties", parties, "minerals", List.of("lithium", "graphite"),
                "visibility", visibility, "summary", "Created by the end-to-end tests.",
                "source", "Lodestone end-to-end test, not a real agreement");
    }
}
