package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lodestone.agreement.seed.AgreementSeedImporter;
import org.lodestone.agreement.service.ReferenceData;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SeedDataTest {

    private static final String ALL = """
            {
              agreements { id status visibility signedOn signedPeriod
                commitments { id obligor { code } kind targetAmount currency targetQuantity unit dueOn status fulfilledPct } }
            }""";

    @Inject
    AgreementSeedImporter importer;

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceData referenceData;

    @Test
    void allFortyThreeMineralIdsOfTheSharedSeedAreKnown() {
        assertEquals(43, referenceData.mineralCount());
        assertEquals(true, referenceData.isMineral("heavy_rare_earths"));
        assertEquals(false, referenceData.isMineral("unobtainium"));
    }

    @Test
    void all21AgreementsAnd31CommitmentsAreLoadedAsPublicDocuments() {
        List<Map<String, Object>> agreements = seeded(GraphQL.ok(TestTokens.noRole(), ALL)
                .body("errors", nullValue()).extract().path("data.agreements"));
        assertEquals(21, agreements.size());
        assertEquals(21, agreements.stream().filter(a -> "PUBLIC".equals(a.get("visibility"))).count());
        // only the US-Japan CMA says it entered into force (on signature); every other row is signed
        assertEquals(List.of("AG-US-JP-2023-CMA"), agreements.stream()
                .filter(a -> "IN_FORCE".equals(a.get("status"))).map(a -> a.get("id")).toList());
        assertEquals(20, agreements.stream().filter(a -> "SIGNED".equals(a.get("status"))).count());
        List<Map<String, Object>> commitments = agreements.stream()
                .flatMap(a -> ((List<Map<String, Object>>) a.get("commitments")).stream()).toList();
        assertEquals(31, commitments.size());
        assertEquals(10, commitments.stream().filter(c -> c.get("targetAmount") != null).count());
        assertEquals(1, commitments.stream().filter(c -> c.get("targetQuantity") != null).count());
        assertEquals(20, commitments.stream().filter(c -> "NOT_MEASURABLE".equals(c.get("status"))).count());
    }

    @Test
    void monthOnlySigningDatesStayMonths() {
        GraphQL.ok(TestTokens.noRole(), "{ agreement(id: \"AG-JP-AU-2011-LYNAS\") { signedOn signedPeriod } }")
                .body("data.agreement.signedOn", nullValue())
                .body("data.agreement.signedPeriod", equalTo("2011-03"));
        GraphQL.ok(TestTokens.noRole(), "{ agreement(id: \"AG-US-AU-2025-FW\") { signedOn signedPeriod } }")
                .body("data.agreement.signedOn", equalTo("2025-10-20"));
    }

    @Test
    void usAustraliaFrameworkCommitsEachSideToOneBillionWithinSixMonths() {
        GraphQL.ok(TestTokens.noRole(), """
                { commitments(filter: {agreement: "AG-US-AU-2025-FW"}) {
                    obligor { code } kind targetAmount currency dueOn mineral { id } status } }""")
                .body("data.commitments", hasSize(4))
                .body("data.commitments[0].obligor.code", equalTo("US"))
                .body("data.commitments[0].targetAmount", equalTo(1.0E9f))
                .body("data.commitments[0].currency", equalTo("USD"))
                .body("data.commitments[0].dueOn", equalTo("2026-04-20"))
                .body("data.commitments[1].obligor.code", equalTo("AU"))
                .body("data.commitments[1].dueOn", equalTo("2026-04-20"))
                .body("data.commitments[2].mineral.id", equalTo("gallium"))
                .body("data.commitments[2].targetAmount", equalTo(2.0E8f))
                .body("data.commitments[2].dueOn", nullValue())
                .body("data.commitments[3].mineral.id", equalTo("rare_earths"))
                .body("data.commitments[3].targetAmount", equalTo(1.0E8f));
    }

    @Test
    void jareLynasHeavyRareEarthsDealIsModelledWithItsNumbers() {
        GraphQL.ok(TestTokens.noRole(), """
                { agreement(id: "AG-JP-AU-2023-LYNAS") { commitments {
                    obligor { code } targetAmount currency targetQuantity unit mineral { id } dueOn status fulfilledPct } } }""")
                .body("data.agreement.commitments", hasSize(2))
                .body("data.agreement.commitments[0].obligor.code", equalTo("JP"))
                .body("data.agreement.commitments[0].targetAmount", equalTo(2.0E8f))
                .body("data.agreement.commitments[0].currency", equalTo("AUD"))
                .body("data.agreement.commitments[0].status", equalTo("ON_TRACK"))
                .body("data.agreement.commitments[0].fulfilledPct", equalTo(0.0f))
                .body("data.agreement.commitments[1].obligor.code", equalTo("AU"))
                .body("data.agreement.commitments[1].targetQuantity", equalTo(65.0f))
                .body("data.agreement.commitments[1].unit", equalTo("% of Lynas Dy/Tb output from Mt Weld feedstock"))
                .body("data.agreement.commitments[1].mineral.id", equalTo("heavy_rare_earths"))
                .body("data.agreement.commitments[1].dueOn", nullValue());
    }

    @Test
    void quantifiedCommitmentsPastTheirDueDateWithoutProgressAreOverdue() {
        GraphQL.ok(TestTokens.noRole(), """
                { commitments(filter: {status: OVERDUE}) { agreement { id } obligor { code } dueOn } }""")
                .body("data.commitments.findAll { !it.agreement.id.startsWith('T-') }.agreement.id",
                        contains("AG-US-AU-2025-FW", "AG-US-AU-2025-FW", "AG-AU-IN-2022-CMIP"));
    }

    @Test
    void sourcesAreParsedAndKeepTheirFullText() {
        GraphQL.ok(TestTokens.noRole(), """
                { agreement(id: "AG-US-KZ-2025-W") { source { citation publisher title year url refs } } }""")
                .body("data.agreement.source.publisher", equalTo("USGS"))
                .body("data.agreement.source.title", equalTo("Mineral Commodity Summaries 2026 - tungsten"))
                .body("data.agreement.source.year", equalTo(2026))
                .body("data.agreement.source.url", equalTo("https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-tungsten.pdf"))
                .body("data.agreement.source.refs", contains("S02"))
                .body("data.agreement.source.citation", equalTo(
                        "USGS, Mineral Commodity Summaries 2026 - tungsten, Feb 2026, "
                                + "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-tungsten.pdf [S02]"));
    }

    @Test
    void seedingWritesAuditEventsBySubjectSeed() {
        given().auth().oauth2(TestTokens.admin()).get("/agreements/AG-US-AU-2025-FW/history").then()
                .statusCode(200)
                .body("", hasSize(5))
                .body("subject", everyItem(equalTo("seed")))
                .body("operation", everyItem(equalTo("SEED_IMPORT")))
                .body("[0].entity", equalTo("AGREEMENT"))
                .body("[1].entity", equalTo("COMMITMENT"));
    }

    @Test
    void importRunsOnlyOnce() throws Exception {
        assertFalse(importer.importOnce(), "a second import must find the marker and skip");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from audit_event where subject = 'seed'")) {
            rows.next();
            assertEquals(52, rows.getInt(1), "21 agreements + 31 commitments, each audited once");
        }
    }

    @Test
    void auditEventsCannotBeChangedOrDeleted() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            var update = assertThrows(java.sql.SQLException.class,
                    () -> statement.executeUpdate("update audit_event set reason = 'rewritten'"));
            assertEquals(true, update.getMessage().contains("append-only"));
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("delete from audit_event"));
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("truncate audit_event"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> seeded(List<Map<String, Object>> agreements) {
        return agreements.stream().filter(a -> !((String) a.get("id")).startsWith("T-")).toList();
    }
}
