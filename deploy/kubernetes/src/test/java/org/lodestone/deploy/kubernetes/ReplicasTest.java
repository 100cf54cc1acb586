package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rendered overlays run the services as several replicas, and nothing in them assumes one: production keeps 2+
 * pods of each alerting service on different nodes through rollouts and drains; every replica LISTENs on its
 * database's primary (the alert feed and the answer cache wake up on PostgreSQL NOTIFY, which a standby or a
 * transaction-pooling proxy would never deliver); and the database accepts the connections of every replica the
 * autoscaler may run. What is claimed once per cluster in code (the commitment evaluation's advisory lock, the
 * webhook deliveries' {@code FOR UPDATE SKIP LOCKED}) needs no manifest support beyond the shared database.
 */
class ReplicasTest {

    static final List<String> OVERLAYS = RenderedManifests.OVERLAYS;

    private static final List<String> ALERTING = List.of("mineral-service", "agreement-service");
    private static final List<String> SERVICES = List.of("country-service", "mineral-service", "agreement-service");
    /**
     * Connections each instance opens outside its pool, each a LISTEN of its own (a pooled connection cannot hold
     * one): the answer cache's {@code lodestone_data} listener in every service ({@code DataChanges}) and the alert
     * feed's {@code lodestone_outbox} listener in the alerting services ({@code OutboxFeed}).
     */
    private static final Map<String, Integer> LISTENERS = Map.of("country-service", 1, "mineral-service", 2,
            "agreement-service", 2);
    /** Quarkus' default {@code quarkus.datasource.jdbc.max-size}. */
    private static final int DEFAULT_POOL = 20;
    /** PostgreSQL's defaults, which CloudNativePG keeps unless the Cluster sets them. */
    private static final int DEFAULT_MAX_CONNECTIONS = 100;
    private static final int DEFAULT_SUPERUSER_RESERVED = 3;
    /** Left for the operator's instance manager, its metrics exporter and a person with psql. */
    private static final int HEADROOM = 10;
    private static final Pattern JDBC_HOST = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::\\d+)?/.*");

    @Test
    void productionRunsTheAlertingServicesAsTwoOrMoreReplicasOnDifferentNodesThroughRolloutsAndDrains() {
        RenderedManifests prod = RenderedManifests.of("prod");
        for (String app : ALERTING) {
            JsonNode deployment = prod.find("Deployment", app).orElseThrow();
            JsonNode hpa = prod.find("HorizontalPodAutoscaler", app).orElseThrow();
            JsonNode pdb = prod.find("PodDisruptionBudget", app).orElseThrow();
            Map<String, String> podLabels = LabelSelectors.labels(deployment.path("spec").path("template")
                    .path("metadata").path("labels"));

            assertTrue(deployment.path("spec").path("replicas").asInt(1) >= 2, app + ": Deployment replicas < 2");
            assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText(), app);
            assertEquals(app, hpa.path("spec").path("scaleTargetRef").path("name").asText(), app + ": HPA target");
            int minReplicas = hpa.path("spec").path("minReplicas").asInt(1);
            assertTrue(minReplicas >= 2, app + ": HPA minReplicas " + minReplicas + " < 2");
            assertTrue(hpa.path("spec").path("maxReplicas").asInt() >= minReplicas, app + ": HPA maxReplicas");

            // A rollout starts the new pod before it stops an old one.
            assertEquals(0, deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable")
                    .asInt(-1), app + ": rollingUpdate.maxUnavailable");

            // A node drain leaves at least one pod serving (subscriptions move to it, nothing is lost).
            assertTrue(LabelSelectors.matches(pdb.path("spec").path("selector"), podLabels),
                    app + ": the PodDisruptionBudget does not select the pods");
            JsonNode maxUnavailable = pdb.path("spec").path("maxUnavailable");
            JsonNode minAvailable = pdb.path("spec").path("minAvailable");
            assertTrue(maxUnavailable.isInt() ? maxUnavailable.asInt() <= minReplicas - 1 : minAvailable.asInt(0) >= 1,
                    app + ": the PodDisruptionBudget may evict every pod: " + pdb.path("spec"));

            // Two replicas on one node would fall together.
            boolean spreadOverNodes = false;
            for (JsonNode constraint : deployment.path("spec").path("template").path("spec")
                    .path("topologySpreadConstraints")) {
                spreadOverNodes |= "kubernetes.io/hostname".equals(constraint.path("topologyKey").asText())
                        && "DoNotSchedule".equals(constraint.path("whenUnsatisfiable").asText())
                        && constraint.path("maxSkew").asInt() == 1
                        && LabelSelectors.matches(constraint.path("labelSelector"), podLabels);
            }
            assertTrue(spreadOverNodes, app + ": no hard spread over nodes (hostname, maxSkew 1, DoNotSchedule)");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceListensOnItsDatabasesPrimaryNotAStandbyOrAPooler(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        assertEquals(List.of(), r.ofKind("Pooler").stream().map(RenderedManifests::describe).toList(),
                overlay + ": a PgBouncer Pooler in transaction mode drops LISTEN; connect the services to -rw");
        for (String app : SERVICES) {
            String url = setting(r, app, "LODESTONE_DB_URL").orElseThrow(() -> new AssertionError(overlay + ": "
                    + app + " has no LODESTONE_DB_URL"));
            Matcher host = JDBC_HOST.matcher(url);
            assertTrue(host.matches(), overlay + ": " + app + ": " + url);
            JsonNode cluster = clusterOf(r, app);
            assertEquals(RenderedManifests.name(cluster) + "-rw", host.group(1), overlay + ": " + app
                    + " must connect to the primary's Service (LISTEN/NOTIFY and writes), not " + host.group(1));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theDatabaseAcceptsTheConnectionsOfEveryReplicaTheAutoscalerMayRun(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        for (String app : SERVICES) {
            JsonNode deployment = r.find("Deployment", app).orElseThrow();
            int maxReplicas = r.find("HorizontalPodAutoscaler", app).orElseThrow().path("spec").path("maxReplicas").asInt();
            JsonNode surge = deployment.path("spec").path("strategy").path("rollingUpdate").path("maxSurge");
            assertTrue(surge.isInt(), overlay + ": " + app + ": maxSurge as a number of pods, got " + surge);
            int pods = maxReplicas + surge.asInt();
            int pool = setting(r, app, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE").map(Integer::parseInt).orElse(DEFAULT_POOL);
            int perPod = pool + LISTENERS.get(app);
            JsonNode parameters = clusterOf(r, app).path("spec").path("postgresql").path("parameters");
            int maxConnections = parameters.path("max_connections").asInt(DEFAULT_MAX_CONNECTIONS);
            int reserved = parameters.path("superuser_reserved_connections").asInt(DEFAULT_SUPERUSER_RESERVED);
            int available = maxConnections - reserved - HEADROOM;
            assertTrue(pods * perPod <= available, overlay + ": " + app + " may run " + pods + " pods (HPA max "
                    + maxReplicas + " + surge " + surge.asInt() + ") x " + perPod + " connections (pool " + pool
                    + " + " + LISTENERS.get(app) + " listening) = " + pods * perPod + ", more than the " + available
                    + " its database leaves for apps (max_connections " + maxConnections + " - " + reserved
                    + " reserved - " + HEADROOM + " headroom)");
        }
    }

    /** A setting from the app's generated ConfigMap (the Deployments take their settings from it with envFrom). */
    private static Optional<String> setting(RenderedManifests r, String app, String name) {
        JsonNode config = r.ofKind("ConfigMap").stream()
                .filter(c -> RenderedManifests.name(c).startsWith(app + "-config-")).findFirst()
                .orElseThrow(() -> new AssertionError(r.overlay() + ": no ConfigMap " + app + "-config-<hash>"));
        JsonNode value = config.path("data").path(name);
        return value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The CloudNativePG Cluster of a service: {@code country-service} owns {@code country-db}. */
    private static JsonNode clusterOf(RenderedManifests r, String app) {
        String name = app.substring(0, app.indexOf('-')) + "-db";
        return r.ofKind("Cluster").stream().filter(c -> name.equals(RenderedManifests.name(c))).findFirst()
                .orElseThrow(() -> new AssertionError(r.overlay() + ": no Cluster " + name + " for " + app));
    }
}
