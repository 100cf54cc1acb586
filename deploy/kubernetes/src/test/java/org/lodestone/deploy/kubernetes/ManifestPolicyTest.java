package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Policies of our own on the rendered overlays: what the schemas cannot say. Each failure message names the
 * overlay and the resource, so the fix is obvious.
 */
class ManifestPolicyTest {

    static final List<String> OVERLAYS = RenderedManifests.OVERLAYS;

    private static final String VERSION_LABEL = "app.kubernetes.io/version";
    private static final Set<String> APPS = Set.of("country-service", "mineral-service", "agreement-service", "gateway");
    private static final Pattern PINNED_IMAGE = Pattern.compile("^[^@\\s]+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?$");

    /** A pod that will exist once the operators reconcile the render, with the labels it will carry. */
    record Pod(String origin, Map<String, String> labels) {
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAppHasItsFullSetOfResources(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        for (String app : APPS) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                assertTrue(r.find(kind, app).isPresent(), overlay + ": " + kind + "/" + app + " missing");
            }
            assertTrue(r.ofKind("ConfigMap").stream().anyMatch(c -> RenderedManifests.name(c).startsWith(app + "-config-")),
                    overlay + ": no generated ConfigMap " + app + "-config-<hash>");
        }
        assertEquals(Set.of("Deployment/country-service", "Deployment/mineral-service", "Deployment/agreement-service",
                "Deployment/gateway"), names(r.ofKind("Deployment")), overlay + ": unexpected Deployments");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasProbesLimitsAndALockedDownSecurityContext(String overlay) {
        for (JsonNode deployment : RenderedManifests.of(overlay).ofKind("Deployment")) {
            String where = overlay + ": " + RenderedManifests.describe(deployment);
            JsonNode podSpec = deployment.path("spec").path("template").path("spec");
            JsonNode podSecurity = podSpec.path("securityContext");
            assertFalse(podSpec.path("automountServiceAccountToken").asBoolean(true), where + ": service account token mounted");
            List<JsonNode> containers = new ArrayList<>();
            podSpec.path("initContainers").forEach(containers::add);
            podSpec.path("containers").forEach(containers::add);
            assertFalse(containers.isEmpty(), where + ": no containers");
            for (JsonNode c : containers) {
                String at = where + " container " + c.path("name").asText();
                boolean init = isInit(podSpec, c);
                if (!init) {
                    assertEquals("/q/health/started", c.path("startupProbe").path("httpGet").path("path").asText(), at + ": startupProbe");
                    assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), at + ": readinessProbe");
                    assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), at + ": livenessProbe");
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertFalse(c.path("resources").path(bound).path(resource).asText().isBlank(),
                                at + ": resources." + bound + "." + resource + " missing");
                    }
                }
                JsonNode sc = c.path("securityContext");
                assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), at + ": allowPrivilegeEscalation must be false");
                assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), at + ": readOnlyRootFilesystem must be true");
                assertTrue(textValues(sc.path("capabilities").path("drop")).contains("ALL"), at + ": capabilities must drop ALL");
                assertTrue(sc.path("runAsNonRoot").asBoolean(false) || podSecurity.path("runAsNonRoot").asBoolean(false),
                        at + ": runAsNonRoot");
                String seccomp = sc.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText());
                assertEquals("RuntimeDefault", seccomp, at + ": seccompProfile");
                assertTrue(sc.path("privileged").isMissingNode() || !sc.path("privileged").asBoolean(), at + ": privileged");
                assertTrue(mountsEmptyDirAt(podSpec, c, "/tmp"), at + ": needs an emptyDir at /tmp (read-only root filesystem)");
            }
        }
    }

    /**
     * Each app container sizes its JVM from its memory limit (run-java.sh's JAVA_MAX_MEM_RATIO) with room left for
     * what is not heap, picks one collector, and keeps the optimising JIT tier (no TieredStopAtLevel anywhere).
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAppJvmIsSizedFromItsMemoryLimit(String overlay) {
        for (JsonNode deployment : RenderedManifests.of(overlay).ofKind("Deployment")) {
            for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
                String at = overlay + ": " + RenderedManifests.describe(deployment) + " container " + c.path("name").asText();
                Map<String, String> env = new TreeMap<>();
                c.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
                String ratio = env.get("JAVA_MAX_MEM_RATIO");
                assertTrue(ratio != null && ratio.matches("\\d+"), at + ": JAVA_MAX_MEM_RATIO missing");
                long limitMi = mebibytes(c.path("resources").path("limits").path("memory").asText());
                long heapMi = limitMi * Integer.parseInt(ratio) / 100;
                assertTrue(heapMi >= 192, at + ": heap " + heapMi + " Mi is too small for a Quarkus service");
                assertTrue(limitMi - heapMi >= 150, at + ": only " + (limitMi - heapMi) + " Mi left beside the heap");
                String gc = env.getOrDefault("GC_CONTAINER_OPTIONS", "");
                assertEquals(1, Pattern.compile("-XX:\\+Use\\w+GC").matcher(gc).results().count(),
                        at + ": GC_CONTAINER_OPTIONS must pick exactly one collector, got '" + gc + "'");
                env.forEach((name, value) -> assertFalse(value != null && value.contains("TieredStopAtLevel"),
                        at + ": " + name + " stops the JIT at C1"));
            }
        }
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new AssertionError("memory limit in Mi or Gi expected, got '" + quantity + "'");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodSpreadsOverZonesAndNodes(String overlay) {
        for (JsonNode deployment : RenderedManifests.of(overlay).ofKind("Deployment")) {
            String where = overlay + ": " + RenderedManifests.describe(deployment);
            JsonNode template = deployment.path("spec").path("template");
            Map<String, String> labels = LabelSelectors.labels(template.path("metadata").path("labels"));
            Set<String> keys = new TreeSet<>();
            for (JsonNode constraint : template.path("spec").path("topologySpreadConstraints")) {
                keys.add(constraint.path("topologyKey").asText());
                assertTrue(LabelSelectors.matches(constraint.path("labelSelector"), labels),
                        where + ": topology spread selector does not match its own pods");
            }
            assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), keys, where + ": topology spread keys");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageIsPinnedAndNeverLatest(String overlay) {
        List<String> images = new ArrayList<>();
        for (JsonNode doc : RenderedManifests.of(overlay).all()) {
            collectImages(doc, images);
        }
        assertFalse(images.isEmpty(), overlay + ": no images found");
        for (String image : images) {
            assertTrue(PINNED_IMAGE.matcher(image).matches(), overlay + ": malformed image " + image);
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            assertTrue(lastSegment.contains(":") || lastSegment.contains("@"), overlay + ": image without tag or digest: " + image);
            assertFalse(lastSegment.matches(".*:latest(@.*)?$"), overlay + ": image uses latest: " + image);
        }
        for (String app : APPS) {
            assertTrue(images.stream().anyMatch(i -> i.startsWith("lodestone/" + app + ":")), overlay + ": lodestone/" + app + " not tagged");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void selectorsMatchPodLabelsAndNeverUseTheVersionLabel(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        List<Pod> pods = expectedPods(r);
        for (JsonNode deployment : r.ofKind("Deployment")) {
            JsonNode selector = deployment.path("spec").path("selector");
            Map<String, String> labels = LabelSelectors.labels(deployment.path("spec").path("template").path("metadata").path("labels"));
            String where = overlay + ": " + RenderedManifests.describe(deployment);
            assertTrue(LabelSelectors.matches(selector, labels), where + ": selector does not match its template");
            assertFalse(LabelSelectors.keys(selector).contains(VERSION_LABEL), where + ": selector uses " + VERSION_LABEL);
            assertTrue(labels.containsKey(VERSION_LABEL), where + ": pods should carry " + VERSION_LABEL + " (outside the selector)");
        }
        for (JsonNode service : r.ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            String where = overlay + ": " + RenderedManifests.describe(service);
            assertFalse(selector.isEmpty(), where + ": no selector");
            assertFalse(LabelSelectors.labels(selector).containsKey(VERSION_LABEL), where + ": selector uses " + VERSION_LABEL);
            assertTrue(pods.stream().anyMatch(p -> LabelSelectors.mapMatches(selector, p.labels())), where + ": selects no pod");
        }
        for (JsonNode pdb : r.ofKind("PodDisruptionBudget")) {
            assertSelects(overlay, pdb, pdb.path("spec").path("selector"), pods);
        }
        for (JsonNode hpa : r.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            assertTrue(r.find(target.path("kind").asText(), target.path("name").asText()).isPresent(),
                    overlay + ": " + RenderedManifests.describe(hpa) + " scales a missing " + target);
        }
        for (JsonNode policy : r.ofKind("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            assertSelects(overlay, policy, spec.path("podSelector"), pods);
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : spec.path(direction)) {
                    for (JsonNode peer : rule.path("ingress".equals(direction) ? "from" : "to")) {
                        // Peers with a namespaceSelector point at other namespaces (ingress controller, DNS, operators).
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            assertSelects(overlay, policy, peer.path("podSelector"), pods);
                        }
                    }
                }
            }
        }
        for (JsonNode monitor : r.ofKind("ServiceMonitor")) {
            JsonNode selector = monitor.path("spec").path("selector");
            long matched = r.ofKind("Service").stream()
                    .filter(s -> LabelSelectors.matches(selector, LabelSelectors.labels(s.path("metadata").path("labels")))).count();
            assertEquals(APPS.size(), matched, overlay + ": " + RenderedManifests.describe(monitor) + " should select the four app Services");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkIsDeniedByDefaultAndOnlyTheGatewayIsExposed(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        assertTrue(r.ofKind("NetworkPolicy").stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && textValues(p.path("spec").path("policyTypes")).containsAll(Set.of("Ingress", "Egress"))
                && p.path("spec").path("ingress").isMissingNode() && p.path("spec").path("egress").isMissingNode()),
                overlay + ": no default-deny NetworkPolicy");
        List<JsonNode> ingresses = r.ofKind("Ingress");
        assertEquals(1, ingresses.size(), overlay + ": exactly one Ingress expected");
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                assertEquals("gateway", path.path("backend").path("service").path("name").asText(), overlay + ": Ingress exposes more than the gateway");
            }
        }
        // Each service may reach its own database only.
        for (String service : List.of("country-service", "mineral-service", "agreement-service")) {
            Set<String> clusters = new TreeSet<>();
            for (JsonNode policy : r.ofKind("NetworkPolicy")) {
                if (LabelSelectors.matches(policy.path("spec").path("podSelector"), podLabels(r, service))) {
                    for (JsonNode rule : policy.path("spec").path("egress")) {
                        for (JsonNode peer : rule.path("to")) {
                            String cluster = peer.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText();
                            if (!cluster.isEmpty()) {
                                clusters.add(cluster);
                            }
                        }
                    }
                }
            }
            assertEquals(Set.of(service.replace("-service", "-db")), clusters, overlay + ": databases reachable from " + service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedConfigMapAndSecretExistsOrIsOperatorProvided(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        Set<String> configMaps = namesOnly(r.ofKind("ConfigMap"));
        Set<String> secrets = namesOnly(r.ofKind("Secret"));
        Set<String> provided = OperatorReadme.operatorProvidedSecrets();
        Map<String, String> configMapRefs = new TreeMap<>();
        Map<String, String> secretRefs = new TreeMap<>();
        for (JsonNode deployment : r.ofKind("Deployment")) {
            String from = RenderedManifests.describe(deployment);
            JsonNode podSpec = deployment.path("spec").path("template").path("spec");
            List<JsonNode> containers = new ArrayList<>();
            podSpec.path("initContainers").forEach(containers::add);
            podSpec.path("containers").forEach(containers::add);
            for (JsonNode c : containers) {
                for (JsonNode envFrom : c.path("envFrom")) {
                    putIfPresent(configMapRefs, envFrom.path("configMapRef").path("name"), from);
                    putIfPresent(secretRefs, envFrom.path("secretRef").path("name"), from);
                }
                for (JsonNode env : c.path("env")) {
                    putIfPresent(configMapRefs, env.path("valueFrom").path("configMapKeyRef").path("name"), from);
                    putIfPresent(secretRefs, env.path("valueFrom").path("secretKeyRef").path("name"), from);
                }
            }
            for (JsonNode volume : podSpec.path("volumes")) {
                putIfPresent(configMapRefs, volume.path("configMap").path("name"), from);
                putIfPresent(secretRefs, volume.path("secret").path("secretName"), from);
                for (JsonNode source : volume.path("projected").path("sources")) {
                    putIfPresent(configMapRefs, source.path("configMap").path("name"), from);
                    putIfPresent(secretRefs, source.path("secret").path("name"), from);
                }
            }
        }
        for (JsonNode ingress : r.ofKind("Ingress")) {
            ingress.path("spec").path("tls").forEach(t -> putIfPresent(secretRefs, t.path("secretName"), RenderedManifests.describe(ingress)));
        }
        for (JsonNode keycloak : r.ofKind("Keycloak")) {
            String from = RenderedManifests.describe(keycloak);
            JsonNode spec = keycloak.path("spec");
            putIfPresent(secretRefs, spec.path("db").path("usernameSecret").path("name"), from);
            putIfPresent(secretRefs, spec.path("db").path("passwordSecret").path("name"), from);
            putIfPresent(secretRefs, spec.path("ingress").path("tlsSecret"), from);
            putIfPresent(secretRefs, spec.path("http").path("tlsSecret"), from);
            putIfPresent(secretRefs, spec.path("bootstrapAdmin").path("user").path("secret"), from);
            putIfPresent(secretRefs, spec.path("bootstrapAdmin").path("service").path("secret"), from);
            spec.path("additionalOptions").forEach(o -> putIfPresent(secretRefs, o.path("secret").path("name"), from));
        }
        for (JsonNode realmImport : r.ofKind("KeycloakRealmImport")) {
            realmImport.path("spec").path("placeholders")
                    .forEach(p -> putIfPresent(secretRefs, p.path("secret").path("name"), RenderedManifests.describe(realmImport)));
        }
        for (JsonNode cluster : r.ofKind("Cluster")) {
            String from = RenderedManifests.describe(cluster);
            JsonNode spec = cluster.path("spec");
            putIfPresent(secretRefs, spec.path("superuserSecret").path("name"), from);
            putIfPresent(secretRefs, spec.path("bootstrap").path("initdb").path("secret").path("name"), from);
            spec.path("backup").path("barmanObjectStore").path("s3Credentials")
                    .forEach(ref -> putIfPresent(secretRefs, ref.path("name"), from));
        }
        assertFalse(configMapRefs.isEmpty(), overlay + ": no ConfigMap references found");
        configMapRefs.forEach((name, from) -> assertTrue(configMaps.contains(name),
                overlay + ": " + from + " references ConfigMap " + name + ", which is not rendered"));
        secretRefs.forEach((name, from) -> assertTrue(secrets.contains(name) || provided.contains(name),
                overlay + ": " + from + " references Secret " + name + ", neither rendered nor listed under \""
                        + OperatorReadme.SECRETS_HEADING + "\" in deploy/README.md"));
        assertTrue(secrets.isEmpty(), overlay + ": Secrets must never be committed, found " + secrets);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void operatorResourcesPointAtRenderedResources(String overlay) {
        RenderedManifests r = RenderedManifests.of(overlay);
        for (JsonNode backup : r.ofKind("ScheduledBackup")) {
            String cluster = backup.path("spec").path("cluster").path("name").asText();
            assertTrue(r.find("Cluster", cluster).isPresent(), overlay + ": " + RenderedManifests.describe(backup) + " backs up missing " + cluster);
        }
        for (JsonNode realmImport : r.ofKind("KeycloakRealmImport")) {
            String keycloak = realmImport.path("spec").path("keycloakCRName").asText();
            assertTrue(r.find("Keycloak", keycloak).isPresent(), overlay + ": realm import targets missing Keycloak " + keycloak);
        }
        for (JsonNode keycloak : r.ofKind("Keycloak")) {
            String host = keycloak.path("spec").path("db").path("host").asText();
            assertTrue(r.find("Cluster", host.replaceFirst("-rw$", "")).isPresent() && host.endsWith("-rw"),
                    overlay + ": Keycloak database host " + host + " is not the -rw Service of a rendered Cluster");
        }
        String issuerHost = r.ofKind("Keycloak").get(0).path("spec").path("hostname").path("hostname").asText();
        for (JsonNode configMap : r.ofKind("ConfigMap")) {
            JsonNode issuer = configMap.path("data").path("LODESTONE_OIDC_ISSUER");
            if (!issuer.isMissingNode()) {
                assertEquals(issuerHost + "/realms/coalition", issuer.asText(),
                        overlay + ": " + RenderedManifests.describe(configMap) + " issuer differs from the Keycloak hostname");
            }
            JsonNode dbUrl = configMap.path("data").path("LODESTONE_DB_URL");
            if (!dbUrl.isMissingNode()) {
                String cluster = dbUrl.asText().replaceFirst("^jdbc:postgresql://([a-z0-9-]+)-rw:5432/.*$", "$1");
                assertTrue(r.find("Cluster", cluster).isPresent(),
                        overlay + ": " + RenderedManifests.describe(configMap) + " points at no rendered Cluster: " + dbUrl.asText());
            }
        }
    }

    /** Pods of Deployments in the render plus the pods the operators will create for our custom resources. */
    static List<Pod> expectedPods(RenderedManifests r) {
        List<Pod> pods = new ArrayList<>();
        for (JsonNode deployment : r.ofKind("Deployment")) {
            pods.add(new Pod(RenderedManifests.describe(deployment),
                    LabelSelectors.labels(deployment.path("spec").path("template").path("metadata").path("labels"))));
        }
        // CloudNativePG labels every instance pod with its cluster name.
        for (JsonNode cluster : r.ofKind("Cluster")) {
            pods.add(new Pod(RenderedManifests.describe(cluster), Map.of("cnpg.io/cluster", RenderedManifests.name(cluster),
                    "cnpg.io/podRole", "instance")));
        }
        // Keycloak Operator: server pods get app=keycloak plus managed-by and instance; realm-import Job pods copy
        // them with app=keycloak-realm-import.
        for (JsonNode keycloak : r.ofKind("Keycloak")) {
            pods.add(new Pod(RenderedManifests.describe(keycloak), Map.of("app", "keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", RenderedManifests.name(keycloak))));
        }
        for (JsonNode realmImport : r.ofKind("KeycloakRealmImport")) {
            pods.add(new Pod(RenderedManifests.describe(realmImport), Map.of("app", "keycloak-realm-import",
                    "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", realmImport.path("spec").path("keycloakCRName").asText())));
        }
        return pods;
    }

    private static Map<String, String> podLabels(RenderedManifests r, String deployment) {
        return LabelSelectors.labels(r.find("Deployment", deployment).orElseThrow()
                .path("spec").path("template").path("metadata").path("labels"));
    }

    private static void assertSelects(String overlay, JsonNode owner, JsonNode selector, List<Pod> pods) {
        String where = overlay + ": " + RenderedManifests.describe(owner);
        assertFalse(LabelSelectors.keys(selector).contains(VERSION_LABEL), where + ": selector uses " + VERSION_LABEL);
        if (selector.isEmpty()) {
            return;
        }
        assertTrue(pods.stream().anyMatch(p -> LabelSelectors.matches(selector, p.labels())), where + ": selector " + selector + " matches no pod");
    }

    private static boolean isInit(JsonNode podSpec, JsonNode container) {
        for (JsonNode init : podSpec.path("initContainers")) {
            if (init == container) {
                return true;
            }
        }
        return false;
    }

    private static boolean mountsEmptyDirAt(JsonNode podSpec, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                for (JsonNode volume : podSpec.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void collectImages(JsonNode node, List<String> images) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if ((field.getKey().equals("image") || field.getKey().equals("imageName")) && field.getValue().isTextual()) {
                    images.add(field.getValue().asText());
                } else {
                    collectImages(field.getValue(), images);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectImages(child, images));
        }
    }

    private static Set<String> textValues(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> names(List<JsonNode> docs) {
        Set<String> names = new TreeSet<>();
        docs.forEach(d -> names.add(RenderedManifests.describe(d)));
        return names;
    }

    private static Set<String> namesOnly(List<JsonNode> docs) {
        Set<String> names = new TreeSet<>();
        docs.forEach(d -> names.add(RenderedManifests.name(d)));
        return names;
    }

    private static void putIfPresent(Map<String, String> refs, JsonNode name, String from) {
        if (name.isTextual() && !name.asText().isBlank()) {
            refs.merge(name.asText(), from, (a, b) -> a.equals(b) ? a : a + ", " + b);
        }
    }
}
