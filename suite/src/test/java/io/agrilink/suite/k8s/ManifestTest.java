package io.agrilink.suite.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Renders k8s/overlays/dev and k8s/overlays/prod with kustomize and checks every object
 * against {@link ManifestRules}, then what each overlay promises (replicas, database,
 * backups, routing, who may call whom).
 */
class ManifestTest {

    static final Map<String, Integer> PORTS = Map.of("catalog-service", 8081, "order-service", 8082,
            "training-service", 8083, "logistics-service", 8084);
    /** The web app (module web): hand-written manifests, held to the same rules as the services'. */
    static final String WEB = "web";
    static final int WEB_PORT = 8085;
    /** The four services and the web app: everything of ours that runs in a pod. */
    static final Map<String, Integer> APPS = Map.of("catalog-service", 8081, "order-service", 8082,
            "training-service", 8083, "logistics-service", 8084, WEB, WEB_PORT);
    /** Secrets the cluster's operators create before a prod deploy (k8s/README.md). */
    static final Set<String> PROD_SECRETS = Set.of("training-certificates", "catalog-service-db", "order-service-db",
            "training-service-db", "logistics-service-db", "agrilink-db-backup", "agrilink-service-client",
            "agrilink-accounts-client", "agrilink-web-client", "order-payments");
    /** The services' configuration in identity-provider mode (k-config), without the URLs. */
    static final Map<String, String> IDENTITY_PROVIDER_MODE = Map.of("MP_JWT_VERIFY_AUDIENCES", "agrilink",
            "SMALLRYE_JWT_PATH_GROUPS", "realm_access/roles", "AGRILINK_SERVICE_IDENTITY", "identity-provider",
            "QUARKUS_OIDC_CLIENT_CLIENT_ENABLED", "true", "QUARKUS_OIDC_CLIENT_CLIENT_ID", "agrilink-services");
    static final Map<String, String> ACCOUNT_ADMINISTRATION = Map.of("QUARKUS_KEYCLOAK_ADMIN_CLIENT_REALM", "agrilink",
            "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_ID", "agrilink-accounts",
            "QUARKUS_KEYCLOAK_ADMIN_CLIENT_GRANT_TYPE", "CLIENT_CREDENTIALS");

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    static synchronized List<JsonNode> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    static List<HasMetadata> objects(String overlay) {
        return ManifestRules.typed(rendered(overlay));
    }

    static <T extends HasMetadata> List<T> all(String overlay, Class<T> type) {
        return objects(overlay).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T one(String overlay, Class<T> type, String name) {
        return all(overlay, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + " " + name));
    }

    static List<GenericKubernetesResource> custom(String overlay, String kind) {
        return all(overlay, GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void overlayRendersAndEveryObjectFollowsTheRules(String overlay) {
        Set<String> external = overlay.equals("prod") ? PROD_SECRETS : Set.of();
        List<String> problems = ManifestRules.check(rendered(overlay),
                new ManifestRules.Options(Manifests.generatedSecretNames(), external));
        if (!problems.isEmpty()) {
            fail("k8s/overlays/" + overlay + " breaks " + problems.size() + " rule(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everythingLivesInTheAgrilinkNamespace(String overlay) {
        one(overlay, Namespace.class, "agrilink");
        List<String> elsewhere = objects(overlay).stream()
                .filter(o -> !(o instanceof Namespace))
                .filter(o -> !"agrilink".equals(o.getMetadata().getNamespace()))
                .map(ManifestRules::id).toList();
        assertEquals(List.of(), elsewhere, "objects outside the agrilink namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void servicesAndTheWebAppListenOnTheirOwnPortBehindPort80(String overlay) {
        APPS.forEach((name, port) -> {
            Container container = one(overlay, Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(port, container.getPorts().get(0).getContainerPort(), name + " container port");
            var servicePort = one(overlay, Service.class, name).getSpec().getPorts().get(0);
            assertEquals(80, servicePort.getPort(), name + " Service port");
            assertEquals("http", servicePort.getName(), name + " Service port name (the Ingress backends name it)");
            assertEquals(port, servicePort.getTargetPort().getIntVal(), name + " Service target port");
            for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertEquals(port, probe.getHttpGet().getPort().getIntVal(), name + " probes its own port");
            }
            assertEquals(List.of("/q/health/started", "/q/health/live", "/q/health/ready"),
                    List.of(container.getStartupProbe().getHttpGet().getPath(), container.getLivenessProbe().getHttpGet().getPath(),
                            container.getReadinessProbe().getHttpGet().getPath()), name + " probes SmallRye Health");
        });
        PORTS.keySet().forEach(name -> assertEquals("/q/metrics", one(overlay, Deployment.class, name).getSpec().getTemplate()
                .getMetadata().getAnnotations().get("prometheus.io/path"), name + " scrape path"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theIngressRoutesEachPrefixToItsServiceAndTheRestToTheWebApp(String overlay) {
        Map<String, String> routes = new TreeMap<>();
        for (Ingress ingress : all(overlay, Ingress.class)) {
            if (ingress.getMetadata().getName().equals("keycloak")) {
                continue;
            }
            if (!ingress.getMetadata().getName().equals(WEB)) {
                assertEquals("/$2", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/rewrite-target"),
                        ManifestRules.id(ingress) + " strips its prefix");
            }
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                    .forEach(path -> routes.put(path.getPath() + " (" + path.getPathType() + ")", path.getBackend().getService().getName())));
        }
        assertEquals(Map.of("/catalog(/|$)(.*) (ImplementationSpecific)", "catalog-service",
                "/orders(/|$)(.*) (ImplementationSpecific)", "order-service",
                "/training(/|$)(.*) (ImplementationSpecific)", "training-service",
                "/logistics(/|$)(.*) (ImplementationSpecific)", "logistics-service",
                "/ (Prefix)", WEB), routes, "the services' prefixes, and the web app at / for everything else");

        // the catch-all serves the web app's own paths unchanged (no prefix to strip, no rewrite)
        Ingress web = one(overlay, Ingress.class, WEB);
        Map<String, String> annotations = web.getMetadata().getAnnotations();
        assertFalse(annotations.containsKey("nginx.ingress.kubernetes.io/rewrite-target"), "the web app's Ingress rewrites nothing");
        assertFalse(annotations.containsKey("nginx.ingress.kubernetes.io/use-regex"), "the web app's path is no regex");
        assertEquals("16k", annotations.get("nginx.ingress.kubernetes.io/proxy-buffer-size"),
                "room for the session cookies' response headers");
        if (overlay.equals("prod")) {
            for (Ingress ingress : all(overlay, Ingress.class)) {
                assertEquals("agrilink.example.gov.vn", ingress.getSpec().getRules().get(0).getHost(),
                        ManifestRules.id(ingress) + " answers on the public host");
                assertEquals(List.of("agrilink.example.gov.vn"), ingress.getSpec().getTls().get(0).getHosts(),
                        ManifestRules.id(ingress) + " serves TLS");
            }
        } else {
            assertEquals(null, web.getSpec().getRules().get(0).getHost(), "dev: the web app answers http://localhost/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void orderCatalogAndTheWebAppScaleOnCpu(String overlay) {
        Map<String, String> scaled = all(overlay, HorizontalPodAutoscaler.class).stream().collect(Collectors.toMap(
                h -> h.getSpec().getScaleTargetRef().getName(),
                h -> h.getSpec().getMetrics().get(0).getResource().getName()));
        assertEquals(Map.of("catalog-service", "cpu", "order-service", "cpu", WEB, "cpu"), scaled);
        for (String name : List.of("catalog-service", "order-service", WEB)) {
            assertEquals(null, one(overlay, Deployment.class, name).getSpec().getReplicas(),
                    name + ": no replicas field, or every apply would undo the autoscaler");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void networkPoliciesLetOnlyTheNeededCallersThrough(String overlay) {
        List<HasMetadata> objects = objects(overlay);
        NetworkReach reach = new NetworkReach(objects, ManifestRules.workloads(rendered(overlay)));
        assertTrue(all(overlay, NetworkPolicy.class).stream().anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels()
                .isEmpty() && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()), "a default-deny policy");

        Set<String> expected = new TreeSet<>(Set.of(
                "order-service -> catalog-service", "training-service -> catalog-service",
                "order-service -> logistics-service", "logistics-service -> order-service",
                "catalog-service -> order-service", "training-service -> order-service",
                "catalog-service -> agrilink-db", "order-service -> agrilink-db",
                "training-service -> agrilink-db", "logistics-service -> agrilink-db"));
        // the web app calls every service with the signed-in user's token; nothing calls the web app
        PORTS.keySet().forEach(service -> expected.add(WEB + " -> " + service));
        Set<String> fromOutside = new TreeSet<>();
        for (String app : APPS.keySet()) {
            fromOutside.add("namespace ingress-nginx -> " + app);
            fromOutside.add("namespace monitoring -> " + app);
        }
        Set<String> outOfCluster = new TreeSet<>();
        if (overlay.equals("dev")) {
            // the in-cluster Keycloak: the services and the web app call it, browsers come through the ingress
            APPS.keySet().forEach(app -> expected.add(app + " -> keycloak"));
            expected.add("keycloak -> agrilink-db");
            fromOutside.add("namespace ingress-nginx -> keycloak");
        }
        if (overlay.equals("prod")) {
            expected.add("agrilink-db -> agrilink-db");
            fromOutside.add("namespace cnpg-system -> agrilink-db");
            // the external Keycloak, for the services and the web app; the object store and the API for the database
            APPS.keySet().forEach(app -> outOfCluster.add(app + " -> 0.0.0.0/0:443"));
            outOfCluster.addAll(Set.of("agrilink-db -> 0.0.0.0/0:443", "agrilink-db -> 0.0.0.0/0:6443"));
        }
        assertEquals(expected, reach.inNamespace(), "who may call whom inside the namespace");
        assertEquals(fromOutside, reach.fromNamespaces(), "which namespaces may call in");
        assertEquals(outOfCluster, reach.outOfCluster(), "who may call out of the cluster, and on which port");
    }

    /** The web app runs in both overlays, complete, and only the ingress controller (and Prometheus) reach it. */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theWebAppRunsInEveryOverlayReachableOnlyThroughTheIngress(String overlay) {
        Deployment web = one(overlay, Deployment.class, WEB);
        assertEquals(WEB, one(overlay, Service.class, WEB).getSpec().getSelector().get(ManifestRules.APP_LABEL));
        one(overlay, Ingress.class, WEB);
        assertTrue(all(overlay, HorizontalPodAutoscaler.class).stream()
                .anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(WEB)), "an autoscaler for the web app");
        assertTrue(all(overlay, PodDisruptionBudget.class).stream()
                .anyMatch(p -> WEB.equals(p.getSpec().getSelector().getMatchLabels().get(ManifestRules.APP_LABEL))),
                "a disruption budget for the web app");
        assertTrue(all(overlay, NetworkPolicy.class).stream()
                .anyMatch(p -> WEB.equals(p.getSpec().getPodSelector().getMatchLabels().get(ManifestRules.APP_LABEL))),
                "a network policy of the web app's own");

        NetworkReach reach = new NetworkReach(objects(overlay), ManifestRules.workloads(rendered(overlay)));
        assertEquals(List.of(), reach.inNamespace().stream().filter(pair -> pair.endsWith(" -> " + WEB)).toList(),
                "no pod of the namespace calls the web app");
        assertEquals(Set.of("namespace ingress-nginx -> " + WEB, "namespace monitoring -> " + WEB),
                reach.fromNamespaces().stream().filter(pair -> pair.endsWith(" -> " + WEB)).collect(Collectors.toSet()),
                "only the ingress controller (and Prometheus) reach the web app");
        assertFalse(reach.inNamespace().contains(WEB + " -> agrilink-db"), "the web app owns no database");

        var pod = web.getSpec().getTemplate().getSpec();
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), "no service account token");
        assertEquals(185L, pod.getSecurityContext().getRunAsUser(), "the UBI OpenJDK image's user");
        assertEquals(null, web.getSpec().getReplicas(), "no replicas field, or every apply would undo the autoscaler");
        // Quarkus finishes requests in flight within the grace period, after the preStop sleep
        long shutdown = Duration.parse("PT" + webProperty("quarkus.shutdown.timeout").toUpperCase()).toSeconds();
        assertEquals(ManifestRules.SHUTDOWN_TIMEOUT_SECONDS, shutdown, "the web app's quarkus.shutdown.timeout");
        assertEquals(List.of("sleep", "10"), pod.getContainers().get(0).getLifecycle().getPreStop().getExec().getCommand());
        assertTrue(pod.getTerminationGracePeriodSeconds() > shutdown + 10, "grace period covers the preStop sleep and the shutdown");
    }

    /** A key of the web app's own configuration (it carries no platform jar and its defaults). */
    private static String webProperty(String key) {
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(
                Manifests.repositoryRoot().resolve("web/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }

    /**
     * The web app signs people in at the Keycloak whose tokens the services verify: the browser
     * at the issuer's host, the pod on its own way in; its client secret from a Secret (the very one
     * a dev Keycloak imports); the services through their Services; cookies Secure except on dev's
     * plain http.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theWebAppSignsInAtTheKeycloakWhoseTokensTheServicesTrust(String overlay) {
        Deployment web = one(overlay, Deployment.class, WEB);
        Map<String, String> env = environment(overlay, web);
        assertEquals("true", env.get("QUARKUS_OIDC_TENANT_ENABLED"));
        assertEquals("agrilink-web", env.get("QUARKUS_OIDC_CLIENT_ID"));
        assertEquals("agrilink-web-client", secretOf(web, "QUARKUS_OIDC_CREDENTIALS_SECRET"),
                "the web app takes its client secret from a Secret");
        assertFalse(env.keySet().stream().anyMatch(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("MP_JWT")),
                "the web app has no database and verifies no bearer tokens: " + env.keySet());

        Map<String, String> services = configOf(overlay, "agrilink-config");
        String issuer = services.get("MP_JWT_VERIFY_ISSUER");
        String origin = env.get("AGRILINK_WEB_IDENTITY_PROVIDER_ORIGIN");
        assertEquals(issuer, origin + "/realms/agrilink",
                "browsers sign in at the issuer's origin (the Content-Security-Policy lets forms post there)");
        assertEquals(services.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL"), env.get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                "the web app reaches Keycloak the way the services do");

        for (String service : PORTS.keySet()) {
            String key = "QUARKUS_REST_CLIENT_" + service.replace("-service", "").toUpperCase() + "_URL";
            assertEquals("http://" + service, env.get(key), "the web app calls " + service + " through its Service");
        }
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"),
                "redirect URIs are built from the browser's scheme and host, which the ingress forwards");
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));

        if (overlay.equals("dev")) {
            assertEquals("http://keycloak:" + one("dev", Service.class, "keycloak").getSpec().getPorts().get(0).getPort()
                    + "/realms/agrilink", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), "dev: the in-cluster Keycloak");
            Map<String, String> keycloak = environment("dev", one("dev", Deployment.class, "keycloak"));
            assertEquals("true", keycloak.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"),
                    "dev: Keycloak answers the pod's back-channel calls on its in-cluster URL, the browser's on KC_HOSTNAME");
            assertEquals(keycloak.get("KC_HOSTNAME"), origin);
            assertEquals("http://localhost", keycloak.get("AGRILINK_WEB_URL"),
                    "dev: the realm sends browsers back to the web app behind the ingress");
            assertEquals(secretOf(web, "QUARKUS_OIDC_CREDENTIALS_SECRET"),
                    secretOf(one("dev", Deployment.class, "keycloak"), "AGRILINK_WEB_CLIENT_SECRET"),
                    "dev: the web app authenticates with the very secret Keycloak imports");
            assertEquals("false", env.get("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE"), "dev: plain http, no Secure cookies");
        } else {
            assertEquals("https://id.example.gov.vn/realms/agrilink", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
            assertEquals("true", env.get("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE"), "prod: Secure cookies");
        }
    }

    @Test
    void devRunsOnePodEachAndOnePinnedPostgresWithADatabasePerService() {
        for (Deployment d : all("dev", Deployment.class)) {
            Integer replicas = d.getSpec().getReplicas();
            assertTrue(replicas == null || replicas == 1, ManifestRules.id(d) + " runs one pod in dev");
        }
        all("dev", HorizontalPodAutoscaler.class).forEach(h -> assertEquals(1, h.getSpec().getMinReplicas()));

        StatefulSet db = one("dev", StatefulSet.class, "agrilink-db");
        assertEquals(1, db.getSpec().getReplicas());
        String image = db.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        assertTrue(image.matches("postgres:17\\.\\d+(-[a-z0-9]+)?"), "PostgreSQL 17 pinned to a minor release: " + image);
        assertEquals("data", db.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
        assertEquals("agrilink-db", one("dev", Service.class, "agrilink-db-rw").getSpec().getSelector()
                .get(ManifestRules.APP_LABEL));

        ConfigMap init = all("dev", ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("agrilink-db-init")).findFirst().orElseThrow();
        String script = init.getData().get("init-databases.sh");
        for (String database : List.of("catalog", "orders", "training", "logistics", "keycloak")) {
            assertTrue(script.contains("create_database " + database + " " + database), "creates database " + database);
        }
        for (String service : PORTS.keySet()) {
            String url = configOf("dev", service + "-config").get("QUARKUS_DATASOURCE_JDBC_URL");
            assertTrue(url.startsWith("jdbc:postgresql://agrilink-db-rw:5432/"), service + " database URL: " + url);
        }
    }

    @Test
    void prodRunsTwoPodsOrMoreOfEachServiceSpreadOverNodes() {
        for (Deployment d : all("prod", Deployment.class)) {
            String name = d.getMetadata().getName();
            int minimum = d.getSpec().getReplicas() != null ? d.getSpec().getReplicas()
                    : all("prod", HorizontalPodAutoscaler.class).stream()
                            .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
                            .mapToInt(h -> h.getSpec().getMinReplicas()).findFirst().orElse(1);
            assertTrue(minimum >= 2, name + " runs at least two pods in prod, not " + minimum);
            var spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertTrue(spread.stream().anyMatch(t -> t.getTopologyKey().equals("kubernetes.io/hostname")
                    && t.getLabelSelector().getMatchLabels().get(ManifestRules.APP_LABEL).equals(name)),
                    name + " spreads its pods over nodes");
        }
    }

    @Test
    void prodDatabaseIsAThreeInstanceCloudNativePgClusterWithBackups() {
        List<GenericKubernetesResource> clusters = custom("prod", "Cluster");
        assertEquals(1, clusters.size());
        GenericKubernetesResource cluster = clusters.get(0);
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        assertEquals("agrilink-db", cluster.getMetadata().getName(), "its read-write Service is agrilink-db-rw");
        assertEquals(3, ((Number) cluster.get("spec", "instances")).intValue());
        String image = cluster.get("spec", "imageName");
        assertTrue(image.matches(".*:17\\.\\d+.*"), "PostgreSQL 17 pinned to a minor release: " + image);

        List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
        assertNotNull(plugins, "a backup plugin");
        Map<String, Object> barman = plugins.get(0);
        assertEquals("barman-cloud.cloudnative-pg.io", barman.get("name"));
        assertEquals(Boolean.TRUE, barman.get("isWALArchiver"), "continuous WAL archiving");
        @SuppressWarnings("unchecked")
        String store = ((Map<String, Object>) barman.get("parameters")).get("barmanObjectName").toString();
        assertTrue(custom("prod", "ObjectStore").stream().anyMatch(o -> o.getMetadata().getName().equals(store)),
                "the ObjectStore " + store + " exists");

        List<GenericKubernetesResource> schedules = custom("prod", "ScheduledBackup");
        assertEquals(1, schedules.size());
        assertEquals("agrilink-db", schedules.get(0).get("spec", "cluster", "name"));
        assertEquals("plugin", schedules.get(0).get("spec", "method"));

        Set<String> databases = custom("prod", "Database").stream()
                .map(d -> (String) d.get("spec", "name")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("catalog", "orders", "training", "logistics")), databases);
    }

    @Test
    void prodPointsTheServicesAtAnExternalKeycloak() {
        assertEquals(List.of(), all("prod", Deployment.class).stream().map(d -> d.getMetadata().getName())
                .filter(name -> name.contains("keycloak")).toList(), "no Keycloak runs in prod's cluster");
        Map<String, String> config = configOf("prod", "agrilink-config");
        assertEquals("https://id.example.gov.vn/realms/agrilink", config.get("MP_JWT_VERIFY_ISSUER"));
        assertEquals("https://id.example.gov.vn/realms/agrilink/protocol/openid-connect/certs",
                config.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertEquals("https://id.example.gov.vn/realms/agrilink", config.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL"));
        assertEquals("https://id.example.gov.vn",
                configOf("prod", "catalog-service-config").get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"));
        assertTrue(PROD_SECRETS.containsAll(Set.of("agrilink-service-client", "agrilink-accounts-client")),
                "the operators make the clients' Secrets");
    }

    /**
     * Every service gets the identity-provider env of the contract (k-config): the mode's values,
     * the three URLs of one Keycloak, the client secret from a Secret (and for catalog-service the
     * account administration's), whatever the overlay.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceRunsInIdentityProviderMode(String overlay) {
        for (String service : PORTS.keySet()) {
            Deployment deployment = one(overlay, Deployment.class, service);
            Map<String, String> env = environment(overlay, deployment);
            IDENTITY_PROVIDER_MODE.forEach((key, value) -> assertEquals(value, env.get(key), service + " " + key));
            String realm = env.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL");
            assertNotNull(realm, service + " QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL");
            assertTrue(realm.endsWith("/realms/agrilink"), service + " gets its tokens from realm agrilink: " + realm);
            assertEquals(realm + "/protocol/openid-connect/certs", env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                    service + " verifies tokens against the JWKS of the Keycloak it gets its own from");
            assertNotNull(env.get("MP_JWT_VERIFY_ISSUER"), service + " MP_JWT_VERIFY_ISSUER");
            assertTrue(env.get("MP_JWT_VERIFY_ISSUER").endsWith("/realms/agrilink"), service + " issuer");
            assertEquals("agrilink-service-client", secretOf(deployment, "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"),
                    service + " takes the client secret from a Secret");
            if (service.equals("catalog-service")) {
                ACCOUNT_ADMINISTRATION.forEach((key, value) -> assertEquals(value, env.get(key), service + " " + key));
                assertEquals(realm, env.get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL") + "/realms/agrilink",
                        "catalog-service administers accounts on the same Keycloak");
                assertEquals("agrilink-accounts-client", secretOf(deployment, "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET"),
                        "catalog-service takes the accounts client's secret from a Secret");
            } else {
                assertFalse(env.keySet().stream().anyMatch(k -> k.startsWith("QUARKUS_KEYCLOAK_ADMIN_CLIENT")),
                        service + " administers no accounts");
            }
        }
    }

    /** Identity-provider mode signs nothing: the self-signed mode's key is neither mounted nor configured. */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void noServiceHoldsASelfSignedTokenKey(String overlay) {
        for (Deployment d : all(overlay, Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            assertFalse(pod.getVolumes().stream().anyMatch(v -> v.getSecret() != null
                    && v.getSecret().getSecretName().startsWith("agrilink-jwt")), ManifestRules.id(d) + " mounts agrilink-jwt");
            assertFalse(pod.getContainers().get(0).getVolumeMounts().stream()
                    .anyMatch(m -> m.getMountPath().equals("/etc/agrilink/jwt")), ManifestRules.id(d) + " mounts /etc/agrilink/jwt");
        }
        assertFalse(objects(overlay).stream().anyMatch(o -> o.getMetadata().getName().startsWith("agrilink-jwt")),
                "no Secret agrilink-jwt");
        assertFalse(configOf(overlay, "agrilink-config").containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
    }

    @Test
    void devRunsKeycloakOfTheSuitesVersionWithTheRepositorysRealm() throws IOException {
        Deployment keycloak = one("dev", Deployment.class, "keycloak");
        var pod = keycloak.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        String image = "quay.io/keycloak/keycloak:" + Manifests.keycloakVersion();
        assertEquals(image, container.getImage(), "Keycloak runs the version the suite tests against");
        pod.getInitContainers().forEach(c -> assertEquals(image, c.getImage(), "init container " + c.getName()));
        assertEquals(List.of("start", "--import-realm"), container.getArgs());
        assertEquals(1, keycloak.getSpec().getReplicas());

        assertEquals(Map.of("startup", "/health/started", "readiness", "/health/ready", "liveness", "/health/live"),
                Map.of("startup", container.getStartupProbe().getHttpGet().getPath(),
                        "readiness", container.getReadinessProbe().getHttpGet().getPath(),
                        "liveness", container.getLivenessProbe().getHttpGet().getPath()));
        for (var probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            var port = probe.getHttpGet().getPort();
            assertEquals(9000, port.getIntVal() != null ? port.getIntVal()
                    : container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                            .findFirst().orElseThrow().getContainerPort(), "probes on the management port");
        }

        // the realm file of the repository, whole, in the ConfigMap mounted at the import folder
        ConfigMap realm = configMap("dev", "keycloak-realm");
        assertEquals(Files.readString(Manifests.repositoryRoot().resolve("k8s/keycloak/agrilink-realm.json")),
                realm.getData().get("agrilink-realm.json"));
        String realmVolume = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null
                && v.getConfigMap().getName().equals(realm.getMetadata().getName())).findFirst().orElseThrow().getName();
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(realmVolume)
                && m.getMountPath().equals("/opt/keycloak/data/import")), "the realm is mounted at data/import");

        Map<String, String> env = environment("dev", keycloak);
        assertEquals("postgres", env.get("KC_DB"));
        assertEquals("jdbc:postgresql://agrilink-db-rw:5432/keycloak", env.get("KC_DB_URL"));
        assertEquals("true", env.get("KC_HEALTH_ENABLED"));
        assertEquals("true", env.get("KC_HTTP_ENABLED"));
        for (String key : List.of("KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD",
                "AGRILINK_WEB_CLIENT_SECRET", "AGRILINK_SERVICES_CLIENT_SECRET", "AGRILINK_ACCOUNTS_CLIENT_SECRET",
                "AGRILINK_DEMO_PASSWORD")) {
            assertNotNull(secretOf(keycloak, key), "keycloak takes " + key + " from a Secret");
        }
        // the services authenticate with the very secrets Keycloak imports
        assertEquals(secretOf(one("dev", Deployment.class, "order-service"), "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"),
                secretOf(keycloak, "AGRILINK_SERVICES_CLIENT_SECRET"));
        assertEquals(secretOf(one("dev", Deployment.class, "catalog-service"), "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET"),
                secretOf(keycloak, "AGRILINK_ACCOUNTS_CLIENT_SECRET"));
        String realmFile = realm.getData().get("agrilink-realm.json");
        for (String placeholder : List.of("AGRILINK_WEB_CLIENT_SECRET", "AGRILINK_SERVICES_CLIENT_SECRET",
                "AGRILINK_ACCOUNTS_CLIENT_SECRET", "AGRILINK_DEMO_PASSWORD", "AGRILINK_WEB_URL")) {
            assertTrue(realmFile.contains("${" + placeholder + "}"), "the realm file uses " + placeholder);
            assertTrue(env.containsKey(placeholder), "keycloak gets " + placeholder);
        }

        // one fixed hostname: the services' issuer, and what the ingress answers for
        String hostname = env.get("KC_HOSTNAME");
        assertEquals(hostname + "/realms/agrilink", configOf("dev", "agrilink-config").get("MP_JWT_VERIFY_ISSUER"));
        Ingress ingress = one("dev", Ingress.class, "keycloak");
        assertEquals(hostname, "http://" + ingress.getSpec().getRules().get(0).getHost());
        assertEquals("keycloak", ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
        // the services' internal URL is the keycloak Service's port
        assertEquals("http://keycloak:" + one("dev", Service.class, "keycloak").getSpec().getPorts().get(0).getPort()
                + "/realms/agrilink", configOf("dev", "agrilink-config").get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL"));
    }

    /** Works without kubectl: the dev secrets script makes every file the dev overlay reads. */
    @Test
    void makeDevSecretsMakesEveryFileTheDevOverlayReads() throws Exception {
        Path dev = Manifests.repositoryRoot().resolve("k8s/overlays/dev");
        Path out = Path.of("target", "dev-secrets-check").toAbsolutePath();
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Process script = new ProcessBuilder("bash", dev.resolve("make-dev-secrets.sh").toString(), out.resolve("secrets").toString())
                .redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes());
        assertTrue(script.waitFor(2, TimeUnit.MINUTES) && script.exitValue() == 0, output);
        List<String> missing = Manifests.secretGeneratorFiles(dev.resolve("kustomization.yaml")).stream()
                .filter(file -> !Files.isRegularFile(out.resolve(file))).toList();
        assertEquals(List.of(), missing, "files the dev secretGenerator reads that make-dev-secrets.sh does not make");
    }

    @Test
    void imagesCarryTheProjectVersionInDevAndAReleaseTagInProd() {
        String version = Manifests.projectVersion();
        for (String app : APPS.keySet()) {
            assertEquals("localhost/agrilink/" + app + ":" + version,
                    one("dev", Deployment.class, app).getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
        for (Deployment d : all("prod", Deployment.class)) {
            String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertFalse(image.contains("example.invalid"), "prod sets a real registry: " + image);
            assertFalse(image.contains("SNAPSHOT"), "prod runs a release, not a snapshot: " + image);
        }
    }

    /** Works without kubectl: nothing secret is in the files under k8s/. */
    @Test
    void noSecretOrPrivateKeyIsCommittedUnderK8s() throws IOException {
        Path k8s = Manifests.repositoryRoot().resolve("k8s");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = k8s.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("overlays/dev/secrets/")) {
                    continue; // made by make-dev-secrets.sh, ignored by git
                }
                String text = Files.readString(file);
                if (text.contains("PRIVATE KEY-----")) {
                    offenders.add(relative + " holds a private key");
                }
                for (JsonNode doc : relative.endsWith(".yaml") || relative.endsWith(".yml") ? Manifests.parse(text) : List.<JsonNode>of()) {
                    if (doc.path("kind").asText().equals("Secret")) {
                        offenders.add(relative + " holds a Secret (" + doc.path("metadata").path("name").asText() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
        assertTrue(Files.readString(k8s.resolve("overlays/dev/.gitignore")).contains("/secrets/"),
                "the dev secrets folder is ignored by git");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void onlyTrainingServiceHoldsTheCertificateKey(String overlay) {
        for (Deployment d : all(overlay, Deployment.class)) {
            boolean mounted = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .anyMatch(v -> v.getSecret() != null && v.getSecret().getSecretName().startsWith("training-certificates"));
            assertEquals(d.getMetadata().getName().equals("training-service"), mounted,
                    d.getMetadata().getName() + " mounts the Secret training-certificates");
        }
        Map<String, String> training = configOf(overlay, "training-service-config");
        assertEquals("/etc/agrilink/certificates/privateKey.pem",
                training.get("AGRILINK_TRAINING_CERTIFICATES_SIGN_KEY_LOCATION"));
        assertEquals("/etc/agrilink/certificates/publicKey.pem",
                training.get("AGRILINK_TRAINING_CERTIFICATES_VERIFY_KEY_LOCATION"));
        assertFalse(configOf(overlay, "agrilink-config").values().stream().anyMatch(v -> v.contains("certificates")),
                "no service verifies logins with the certificate key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void orderServiceAloneTakesThePaymentSecretsFromTheSecretOrderPayments(String overlay) {
        for (Deployment deployment : all(overlay, Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            boolean payments = container.getEnvFrom().stream().anyMatch(from -> from.getSecretRef() != null
                    && from.getSecretRef().getName().replaceFirst("-[a-z0-9]{10}$", "").equals("order-payments"));
            assertEquals(deployment.getMetadata().getName().equals("order-service"), payments,
                    deployment.getMetadata().getName() + " reads Secret order-payments");
        }
        // nothing of a provider that is secret sits in a ConfigMap; the return URL is the public web app's
        Map<String, String> config = configOf(overlay, "order-service-config");
        config.keySet().forEach(key -> assertFalse(key.matches("AGRILINK_PAYMENT_.*(SECRET|API_KEY)"), key));
        assertEquals(overlay.equals("dev") ? "http://localhost/my/orders/{orderId}/payment"
                : "https://agrilink.example.gov.vn/my/orders/{orderId}/payment", config.get("AGRILINK_PAYMENT_RETURN_URL"));
        if (overlay.equals("dev")) {
            // VietQR on in dev: an account, and the webhook's secret made by make-dev-secrets.sh
            assertEquals("970436", config.get("AGRILINK_PAYMENT_BANK_BIN"));
            assertNotNull(config.get("AGRILINK_PAYMENT_BANK_ACCOUNT"));
            var secret = all(overlay, io.fabric8.kubernetes.api.model.Secret.class).stream()
                    .filter(x -> x.getMetadata().getName().startsWith("order-payments-")).findFirst()
                    .orElseThrow(() -> new AssertionError("dev generates Secret order-payments"));
            assertEquals(Set.of("AGRILINK_PAYMENT_BANK_NOTIFICATION_SECRET"), secret.getData().keySet());
        }
    }

    private static Map<String, String> configOf(String overlay, String prefix) {
        return configMap(overlay, prefix).getData();
    }

    private static ConfigMap configMap(String overlay, String prefix) {
        return all(overlay, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().matches(prefix + "(-[a-z0-9]{10})?"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + prefix));
    }

    /** The first container's environment as the pod sees it: its ConfigMaps (envFrom), then its literal env values. */
    private static Map<String, String> environment(String overlay, Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new TreeMap<>();
        for (var from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                env.putAll(all(overlay, ConfigMap.class).stream()
                        .filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                        .findFirst().orElseThrow().getData());
            }
        }
        for (var variable : container.getEnv()) {
            env.put(variable.getName(), variable.getValue());
        }
        return env;
    }

    /** The Secret (its generator's name, without the hash) an env variable comes from, or null. */
    private static String secretOf(Deployment deployment, String variable) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(variable) && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName().replaceFirst("-[a-z0-9]{10}$", ""))
                .findFirst().orElse(null);
    }
}
