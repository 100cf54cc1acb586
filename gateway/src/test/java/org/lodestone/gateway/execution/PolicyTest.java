package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code @policy}: the gateway grants policy {@code internal_reader} to role {@code analyst} and {@code auditor} to
 * {@code admin}, as an operator configures it. A guarded field the caller is not granted is null with FORBIDDEN and
 * never asked of the subgraph; a policy the configuration does not name ({@code unconfigured}) is granted to nobody;
 * a conjunction needs every policy in it.
 */
class PolicyTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.withPolicies("supergraphs/policy.graphql", "policy",
                Map.of("internal_reader", Set.of("analyst"), "auditor", Set.of("admin")));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aFieldWhosePolicyIsGrantedIsServed() {
        Map<String, Object> body = gateway.run("{ reports { title internalNote } }", Map.of(), Set.of("analyst"));
        assertNull(body.get("errors"), body.toString());
        assertEquals("do not share", at(body, "data", "reports", 0, "internalNote"));
    }

    @Test
    void aFieldWhosePolicyIsNotGrantedIsNullWithForbiddenAndNeverRequested() {
        gateway.reset();
        Map<String, Object> body = gateway.run("{ reports { title internalNote } }", Map.of(), Set.of("member"));
        assertEquals("Gallium outlook", at(body, "data", "reports", 0, "title"), body.toString());
        assertNull(at(body, "data", "reports", 0, "internalNote"), body.toString());
        assertEquals("FORBIDDEN", at(body, "errors", 0, "extensions", "code"), body.toString());
        String sent = gateway.stub("reports").received().get(0).query();
        assertEquals(false, sent.contains("internalNote"), sent);
    }

    @Test
    void aPolicyTheConfigurationDoesNotNameIsGrantedToNobody() {
        Map<String, Object> body = gateway.run("{ reports { sanctionsDraft { text } } }", Map.of(),
                Set.of("admin", "analyst", "member"));
        assertNull(at(body, "data", "reports", 0, "sanctionsDraft"), body.toString());
        assertEquals("FORBIDDEN", at(body, "errors", 0, "extensions", "code"), body.toString());
    }

    @Test
    void aConjunctionNeedsEveryPolicyInIt() {
        Map<String, Object> analystOnly = gateway.run("{ auditLog }", Map.of(), Set.of("analyst"));
        assertNull(at(analystOnly, "data", "auditLog"), analystOnly.toString());
        assertEquals("FORBIDDEN", at(analystOnly, "errors", 0, "extensions", "code"), analystOnly.toString());

        Map<String, Object> both = gateway.run("{ auditLog }", Map.of(), Set.of("analyst", "admin"));
        assertNull(both.get("errors"), both.toString());
        assertEquals(List.of("read r1"), at(both, "data", "auditLog"));
    }
}
