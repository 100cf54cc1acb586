package org.lodestone.agreement;

import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lodestone.testing.GraphQL;
import org.lodestone.testing.TestTokens;

/**
 * Agreements created by tests. Their ids start with "T-" so the seed-count test can tell them from seeded ones,
 * whatever order the test classes run in.
 */
final class Fixtures {

    static final String CREATE = """
            mutation Create($input: NewAgreement!) {
              createAgreement(input: $input) { id version status visibility }
            }""";

    static final String ADD_COMMITMENT = """
            mutation Add($agreementId: ID!, $input: NewCommitment!) {
              addCommitment(agreementId: $agreementId, input: $input) { id status }
            }""";

    private Fixtures() {
    }

    static String newId(String label) {
        return "T-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> agreementInput(String id, String visibility, String status, List<String> parties,
            List<String> minerals, String signedOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("title", "Test agreement " + id);
        input.put("type", "MOU");
        input.put("parties", parties);
        input.put("minerals", minerals);
        input.put("visibility", visibility);
        input.put("status", status);
        input.put("signedOn", signedOn);
        input.put("summary", "Created by a test");
        input.put("source", "Lodestone test fixture, 2026");
        return input;
    }

    /** Creates an agreement as admin and returns its id. */
    static String agreement(String label, String visibility, String status, List<String> parties, List<String> minerals,
            String signedOn) {
        String id = newId(label);
        GraphQL.ok(TestTokens.admin(), CREATE,
                Map.of("input", agreementInput(id, visibility, status, parties, minerals, signedOn)))
                .body("errors", nullValue());
        return id;
    }

    static Map<String, Object> commitmentInput(String obligor, Double targetAmount, String currency, String dueOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("obligor", obligor);
        input.put("kind", "INVESTMENT");
        input.put("description", "Invest in processing capacity");
        input.put("targetAmount", targetAmount);
        input.put("currency", currency);
        input.put("dueOn", dueOn);
        return input;
    }

    /** Adds a commitment as admin and returns its id. */
    static String commitment(String agreementId, String obligor, Double targetAmount, String currency, String dueOn) {
        return GraphQL.ok(TestTokens.admin(), ADD_COMMITMENT, Map.of("agreementId", agreementId,
                "input", commitmentInput(obligor, targetAmount, currency, dueOn)))
                .body("errors", nullValue())
                .extract().path("data.addCommitment.id");
    }
}
