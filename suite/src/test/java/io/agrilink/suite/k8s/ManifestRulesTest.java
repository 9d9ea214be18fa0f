package io.agrilink.suite.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules catch deliberately broken manifests (src/test/resources/k8s-fixtures) and say
 * which object and why. No kubectl needed: the fixtures are read as they are.
 */
class ManifestRulesTest {

    private static List<String> problems(String fixture) {
        return ManifestRules.check(Manifests.fixture(fixture), ManifestRules.Options.none());
    }

    private static void assertReported(List<String> problems, String... expected) {
        for (String message : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(message)),
                    "expected a problem containing\n  " + message + "\nbut got\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void aManifestThatFollowsEveryRuleHasNoProblems() {
        assertEquals(List.of(), ManifestRules.check(Manifests.fixture("good.yml"),
                new ManifestRules.Options(Set.of(), Set.of("demo-db"))));
    }

    @Test
    void wrongTypesAreReportedWithTheirPath() {
        assertReported(problems("wrong-type.yml"),
                "Deployment/wrong-type: wrong type at spec.replicas",
                "Service/unquoted-annotation: wrong type at metadata.annotations.prometheus.io/port");
    }

    @Test
    void aPortNameWhereANumberGoesIsAWrongType() {
        List<String> problems = ManifestRules.check(Manifests.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: named-port}
                spec:
                  containers:
                    - name: app
                      ports:
                        - containerPort: http
                """), ManifestRules.Options.none());
        assertReported(problems, "Pod/named-port: wrong type at spec.containers[0].ports[0].containerPort");
    }

    @Test
    void aMisspelledFieldIsReportedAsUnknown() {
        assertReported(problems("unknown-field.yml"),
                "Deployment/typo: unknown field spec.template.spec.containers[0].livenesProbe",
                "Deployment/typo: container typo has no livenessProbe");
    }

    @Test
    void aMissingProbeOrLimitIsReported() {
        List<String> problems = problems("missing-probe.yml");
        assertEquals(List.of(
                "Deployment/no-startup-probe: container app has no startupProbe",
                "Deployment/no-startup-probe: container app has no memory limit (resources.limits.memory)"), problems);
    }

    @Test
    void credentialsWrittenIntoManifestsAreReported() {
        List<String> problems = problems("inline-secret.yml");
        assertReported(problems,
                "Deployment/inline-secret: container app sets QUARKUS_DATASOURCE_PASSWORD inline: take it from a Secret",
                "Secret/db-credentials: Secret values are committed (data/stringData)",
                "ConfigMap/leaky-config: holds QUARKUS_DATASOURCE_PASSWORD: credentials belong in a Secret",
                "ConfigMap/leaky-config: holds STRIPE_API_KEY: credentials belong in a Secret");
        assertTrue(problems.stream().noneMatch(p -> p.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION")),
                "a key's location is not a credential: " + problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains("KEYCLOAK")), "KEYCLOAK names no key: " + problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains("JDBC_URL")), problems.toString());
    }

    @Test
    void aSecretMadeByAKustomizeGeneratorIsNotACommittedOne() {
        List<String> problems = ManifestRules.check(Manifests.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db-credentials-5f6fgf4h66}
                stringData: {password: from-a-file}
                """), new ManifestRules.Options(Set.of("db-credentials"), Set.of()));
        assertEquals(List.of(), problems);
    }

    @Test
    void anInsecureContainerIsReportedOnEveryCount() {
        assertReported(problems("insecure.yml"),
                "Deployment/insecure: container app may run as root (runAsNonRoot is not true)",
                "Deployment/insecure: container app has a writable root filesystem (readOnlyRootFilesystem is not true)",
                "Deployment/insecure: container app allows privilege escalation",
                "Deployment/insecure: container app does not drop ALL capabilities",
                "Deployment/insecure: container app has no RuntimeDefault seccomp profile",
                "Deployment/insecure: container app image registry.example.invalid/agrilink/demo:latest uses the tag latest",
                "Deployment/insecure: container sidecar image busybox has no tag",
                "Deployment/insecure: container sidecar has a read-only root filesystem but no writable emptyDir at /tmp",
                "Deployment/insecure: terminationGracePeriodSeconds (null) must exceed quarkus.shutdown.timeout (30 s)",
                "Deployment/insecure: container app has no preStop hook");
    }

    @Test
    void referencesToMissingObjectsAreReported() {
        assertReported(problems("dangling.yml"),
                "Service/orphan: selector {app.kubernetes.io/name=nobody} matches no Deployment or StatefulSet pods",
                "Ingress/to-nowhere: backend missing-service is not a Service in the manifests",
                "NetworkPolicy/selects-nothing: podSelector {app.kubernetes.io/name=catalgo-service} matches no pods",
                "HorizontalPodAutoscaler/scales-nothing: scales Deployment/missing-deployment, which is not in the manifests");
    }

    @Test
    void networkReachListsWhoMayCallWhomAndWhoMayLeaveTheCluster() {
        List<JsonNode> docs = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: front}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: front}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: front}}
                    spec: {containers: [{name: front, ports: [{containerPort: 8085}]}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: back}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: back}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: back}}
                    spec: {containers: [{name: back, ports: [{containerPort: 8081}]}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: front}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: front}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{podSelector: {matchLabels: {app.kubernetes.io/name: back}}}]
                    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                      ports: [{port: 443, protocol: TCP}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: back}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: back}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - podSelector: {matchLabels: {app.kubernetes.io/name: front}}
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
                """);
        NetworkReach reach = new NetworkReach(ManifestRules.typed(docs), ManifestRules.workloads(docs));
        // back may not call front: front admits no one, and back has no egress rule
        assertEquals(Set.of("front -> back"), reach.inNamespace());
        assertEquals(Set.of("namespace ingress-nginx -> back"), reach.fromNamespaces());
        assertEquals(Set.of("front -> 0.0.0.0/0:443"), reach.outOfCluster());
    }

    @Test
    void aSecretNobodyCreatesIsReported() {
        assertReported(ManifestRules.check(Manifests.fixture("good.yml"), ManifestRules.Options.none()),
                "Deployment/demo: refers to Secret demo-db, which is neither in the manifests nor created by the operators");
    }
}
