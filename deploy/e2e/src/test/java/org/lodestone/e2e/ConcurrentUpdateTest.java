package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lodestone.e2e.RunningStack.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Optimistic locking through the gateway: 50 admins update one agreement at the same version at once. */
@Order(7)
@ExtendWith(RunningStack.class)
class ConcurrentUpdateTest {

    private static final int WRITERS = 50;

    @Test
    void fiftyConcurrentUpdatesAtOneVersionGiveOneSuccessFortyNineConflictsAndOneAuditEvent() throws Exception {
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");
        Graphql.Result created = graphql.call(admin, """
                mutation Create($input: NewAgreement!) { createAgreement(input: $input) { id version } }
                """, Map.of("input", RolesSeeWhatTheDesignSaysTest.newAgreement("E2E concurrent " + System.nanoTime(),
                "COALITION", List.of("US", "JP")))).withoutErrors();
        String id = created.get("data.createAgreement.id");
        int version = created.<Integer>get("data.createAgreement.version");

        step(WRITERS + " concurrent updateAgreement(" + id + ", expectedVersion: " + version + ")");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Graphql.Result>> results = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String title = "E2E concurrent title from writer " + i;
            results.add(pool.submit(() -> {
                start.await();
                return graphql.call(admin, """
                        mutation Update($id: ID!, $v: Int!, $title: String!) {
                          updateAgreement(id: $id, expectedVersion: $v, input: { title: $title }) { id version title }
                        }
                        """, Map.of("id", id, "v", version, "title", title));
            }));
        }
        start.countDown();
        int succeeded = 0;
        int conflicts = 0;
        List<String> other = new ArrayList<>();
        for (Future<Graphql.Result> result : results) {
            Graphql.Result answer = result.get();
            if (answer.errors().isEmpty()) {
                succeeded++;
            } else if ("VERSION_CONFLICT".equals(answer.firstErrorCode())) {
                conflicts++;
            } else {
                other.add(answer.body());
            }
        }
        pool.shutdown();
        step("  -> " + succeeded + " succeeded, " + conflicts + " VERSION_CONFLICT, " + other.size() + " other");
        assertEquals(List.of(), other);
        assertEquals(1, succeeded);
        assertEquals(WRITERS - 1, conflicts);

        Graphql.Result after = graphql.call(admin, """
                query One($id: ID!) { agreement(id: $id) { version history { operation } } }
                """, Map.of("id", id)).withoutErrors();
        List<Map<String, Object>> history = after.get("data.agreement.history");
        long updates = history.stream().filter(e -> "UPDATE".equals(e.get("operation"))).count();
        step("  audit: " + history.size() + " events, " + updates + " UPDATE; version now " + after.get("data.agreement.version"));
        assertEquals(1, updates, "one audit event for the one update");
        assertEquals(version + 1, after.<Integer>get("data.agreement.version"));
    }
}
