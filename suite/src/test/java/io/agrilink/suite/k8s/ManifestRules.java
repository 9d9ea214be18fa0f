package io.agrilink.suite.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Our rules for Kubernetes manifests, checked on rendered objects. Each problem reads
 * {@code Kind/name: what is wrong}, so a failing test says which object and why.
 *
 * <ol>
 * <li>Typed parsing with the fabric8 model: a wrong type fails (no lenient coercion, so a
 * number where the API wants a string fails as the API server would), an unknown field (a
 * typo such as {@code livenesProbe}) is reported from the model's additionalProperties.
 * Custom resources (CloudNativePG) parse generically and are checked by the schema test.</li>
 * <li>Every container: liveness, readiness and startup probes; CPU and memory requests and a
 * memory limit; runAsNonRoot, readOnlyRootFilesystem with an emptyDir at /tmp,
 * allowPrivilegeEscalation false, all capabilities dropped, a RuntimeDefault seccomp profile;
 * an image with a tag other than latest (or a digest); no credential set inline in env.</li>
 * <li>Deployments: our one app label, a grace period longer than quarkus.shutdown.timeout and a
 * preStop hook.</li>
 * <li>No committed Secret values (Secrets made by a kustomize secretGenerator are exempt) and
 * no credentials in ConfigMaps.</li>
 * <li>References: Service selectors and target ports, Ingress backends, NetworkPolicy
 * selectors and ports, autoscaler targets, disruption budgets, and the ConfigMaps and Secrets
 * that pods use all point at something that exists.</li>
 * </ol>
 */
final class ManifestRules {

    /**
     * Names that say "credential" (KEY as a word of the name: API_KEY, not KEYCLOAK); a name that
     * only says where one is (…_LOCATION) is fine.
     */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|(^|_)KEYS?(_|$)).*");
    private static final Pattern WHERE_NOT_WHAT = Pattern.compile("(?i).*(_LOCATION|_URL|_PATH|_FILE)$");
    /** quarkus.shutdown.timeout in every service */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 30;
    static final String APP_LABEL = "app.kubernetes.io/name";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(strictMapper(), true);

    /** No lenient coercion: "2" is no number, and 8081 is no string (annotations, env values). */
    private static JsonMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * @param generatedSecrets names of the Secrets a kustomize secretGenerator makes (their
     *        rendered names carry a hash suffix)
     * @param externalSecrets Secrets the cluster's operators create before deploying
     */
    record Options(Set<String> generatedSecrets, Set<String> externalSecrets) {
        static Options none() {
            return new Options(Set.of(), Set.of());
        }
    }

    /** Pods of a workload, as far as the rules need them. */
    record Workload(String kind, String name, Map<String, String> podLabels, Set<Integer> ports,
            Set<String> portNames) {
    }

    private final Options options;
    private final List<String> problems = new ArrayList<>();
    private final List<HasMetadata> objects = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();

    private ManifestRules(Options options) {
        this.options = options;
    }

    static List<String> check(List<JsonNode> docs, Options options) {
        ManifestRules rules = new ManifestRules(options);
        rules.run(docs);
        return rules.problems;
    }

    /** The workloads (pod labels and ports) of the rendered objects, for the network checks. */
    static List<Workload> workloads(List<JsonNode> docs) {
        ManifestRules rules = new ManifestRules(Options.none());
        rules.parseAll(docs);
        return rules.workloads;
    }

    static List<HasMetadata> typed(List<JsonNode> docs) {
        ManifestRules rules = new ManifestRules(Options.none());
        rules.parseAll(docs);
        return rules.objects;
    }

    private void run(List<JsonNode> docs) {
        parseAll(docs);
        for (HasMetadata object : objects) {
            podSpec(object).ifPresent(spec -> checkPods(object, spec));
            switch (object) {
                case Deployment d -> checkDeployment(d);
                case Secret s -> checkSecret(s);
                case ConfigMap c -> checkConfigMap(c);
                case Service s -> checkService(s);
                case Ingress i -> checkIngress(i);
                case NetworkPolicy n -> checkNetworkPolicy(n);
                case HorizontalPodAutoscaler h -> checkAutoscaler(h);
                case PodDisruptionBudget p -> checkDisruptionBudget(p);
                default -> {
                }
            }
        }
    }

    // ------------------------------------------------------------------ typed parsing

    private void parseAll(List<JsonNode> docs) {
        for (JsonNode doc : docs) {
            String id = doc.path("kind").asText("?") + "/" + doc.path("metadata").path("name").asText("?");
            KubernetesResource parsed;
            try {
                parsed = SERIALIZATION.unmarshal(doc.toString(), KubernetesResource.class);
            } catch (RuntimeException e) {
                problems.add(id + ": " + describe(e));
                continue;
            }
            if (!(parsed instanceof HasMetadata object)) {
                problems.add(id + ": not a Kubernetes object (apiVersion/kind missing?)");
                continue;
            }
            if (!(object instanceof GenericKubernetesResource)) {
                unknownFields(object, "", new IdentityHashMap<>())
                        .forEach(path -> problems.add(id + ": unknown field " + path));
            }
            objects.add(object);
            workload(object).ifPresent(workloads::add);
        }
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return "wrong type at " + path + " (" + mapping.getOriginalMessage().lines().findFirst().orElse("") + ")";
        }
        return "cannot be read: " + e.getMessage();
    }

    /** Paths of the fields the model did not know (they land in additionalProperties). */
    private static List<String> unknownFields(Object node, String path, IdentityHashMap<Object, Boolean> seen) {
        List<String> unknown = new ArrayList<>();
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return unknown;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k, seen)));
            return unknown;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(node);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(k -> unknown.add(path.isEmpty() ? k.toString() : path + "." + k));
                    }
                } else {
                    unknown.addAll(unknownFields(value, path.isEmpty() ? field.getName() : path + "." + field.getName(), seen));
                }
            }
        }
        return unknown;
    }

    // ------------------------------------------------------------------ pods

    private static Optional<PodTemplateSpec> template(HasMetadata object) {
        return Optional.ofNullable(switch (object) {
            case Deployment d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
            case StatefulSet s -> s.getSpec() == null ? null : s.getSpec().getTemplate();
            case DaemonSet d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
            case Job j -> j.getSpec() == null ? null : j.getSpec().getTemplate();
            case CronJob c -> c.getSpec() == null || c.getSpec().getJobTemplate() == null
                    || c.getSpec().getJobTemplate().getSpec() == null ? null
                            : c.getSpec().getJobTemplate().getSpec().getTemplate();
            default -> null;
        });
    }

    private static Optional<PodSpec> podSpec(HasMetadata object) {
        return template(object).map(PodTemplateSpec::getSpec);
    }

    private static Optional<Workload> workload(HasMetadata object) {
        if (object instanceof GenericKubernetesResource generic
                && generic.getApiVersion().startsWith("postgresql.cnpg.io/")
                && generic.getKind().equals("Cluster")) {
            // CloudNativePG makes the pods: its own label, the inherited ones, ports 5432 and 8000
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("cnpg.io/cluster", generic.getMetadata().getName());
            Object inherited = generic.get("spec", "inheritedMetadata", "labels");
            if (inherited instanceof Map<?, ?> map) {
                map.forEach((k, v) -> labels.put(k.toString(), String.valueOf(v)));
            }
            return Optional.of(new Workload("Cluster", generic.getMetadata().getName(), labels,
                    Set.of(5432, 8000), Set.of("postgresql", "status")));
        }
        return template(object).map(t -> {
            Set<Integer> ports = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            if (t.getSpec() != null) {
                for (Container c : t.getSpec().getContainers()) {
                    for (ContainerPort p : c.getPorts()) {
                        ports.add(p.getContainerPort());
                        if (p.getName() != null) {
                            names.add(p.getName());
                        }
                    }
                }
            }
            Map<String, String> labels = t.getMetadata() == null || t.getMetadata().getLabels() == null
                    ? Map.of() : t.getMetadata().getLabels();
            return new Workload(object.getKind(), object.getMetadata().getName(), labels, ports, names);
        });
    }

    private void checkPods(HasMetadata owner, PodSpec spec) {
        String id = id(owner);
        PodSecurityContext pod = spec.getSecurityContext();
        Map<String, Volume> volumes = new LinkedHashMap<>();
        spec.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        List<Container> all = Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).toList();
        for (Container c : spec.getContainers()) {
            String container = "container " + c.getName();
            check(c.getLivenessProbe() != null, id, container + " has no livenessProbe");
            check(c.getReadinessProbe() != null, id, container + " has no readinessProbe");
            check(c.getStartupProbe() != null, id, container + " has no startupProbe");
            checkProbe(id, container, "livenessProbe", c.getLivenessProbe());
            checkProbe(id, container, "readinessProbe", c.getReadinessProbe());
            checkProbe(id, container, "startupProbe", c.getStartupProbe());
        }
        for (Container c : all) {
            String container = "container " + c.getName();
            ResourceRequirements resources = c.getResources();
            Map<String, Quantity> requests = resources == null ? Map.of() : resources.getRequests();
            Map<String, Quantity> limits = resources == null ? Map.of() : resources.getLimits();
            check(requests.containsKey("cpu"), id, container + " has no CPU request (resources.requests.cpu)");
            check(requests.containsKey("memory"), id, container + " has no memory request (resources.requests.memory)");
            check(limits.containsKey("memory"), id, container + " has no memory limit (resources.limits.memory)");

            SecurityContext sc = c.getSecurityContext();
            Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                    : pod == null ? null : pod.getRunAsNonRoot();
            check(Boolean.TRUE.equals(nonRoot), id, container + " may run as root (runAsNonRoot is not true)");
            boolean readOnly = sc != null && Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem());
            check(readOnly, id, container + " has a writable root filesystem (readOnlyRootFilesystem is not true)");
            check(sc != null && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()), id,
                    container + " allows privilege escalation (allowPrivilegeEscalation is not false)");
            check(sc != null && sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"), id,
                    container + " does not drop ALL capabilities");
            String seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                    : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
            check("RuntimeDefault".equals(seccomp) || "Localhost".equals(seccomp), id,
                    container + " has no RuntimeDefault seccomp profile");
            if (readOnly) {
                boolean tmp = c.getVolumeMounts().stream()
                        .filter(m -> "/tmp".equals(m.getMountPath()) && !Boolean.TRUE.equals(m.getReadOnly()))
                        .map(VolumeMount::getName).map(volumes::get)
                        .anyMatch(v -> v != null && v.getEmptyDir() != null);
                check(tmp, id, container + " has a read-only root filesystem but no writable emptyDir at /tmp");
            }

            checkImage(id, container, c.getImage());
            for (EnvVar env : c.getEnv()) {
                if (env.getValue() != null && CREDENTIAL.matcher(env.getName()).matches()
                        && !WHERE_NOT_WHAT.matcher(env.getName()).matches()) {
                    problems.add(id + ": " + container + " sets " + env.getName()
                            + " inline: take it from a Secret (valueFrom.secretKeyRef)");
                }
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    checkReference(id, "Secret", env.getValueFrom().getSecretKeyRef().getName());
                }
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    checkReference(id, "ConfigMap", env.getValueFrom().getConfigMapKeyRef().getName());
                }
            }
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    checkReference(id, "ConfigMap", from.getConfigMapRef().getName());
                }
                if (from.getSecretRef() != null) {
                    checkReference(id, "Secret", from.getSecretRef().getName());
                }
            }
        }
        for (Volume v : spec.getVolumes()) {
            if (v.getSecret() != null) {
                checkReference(id, "Secret", v.getSecret().getSecretName());
            }
            if (v.getConfigMap() != null) {
                checkReference(id, "ConfigMap", v.getConfigMap().getName());
            }
        }
    }

    private void checkProbe(String id, String container, String which, Probe probe) {
        if (probe != null && probe.getHttpGet() == null && probe.getExec() == null
                && probe.getTcpSocket() == null && probe.getGrpc() == null) {
            problems.add(id + ": " + container + " " + which + " has no action (httpGet, exec, tcpSocket or grpc)");
        }
    }

    private void checkImage(String id, String container, String image) {
        if (image == null || image.isBlank()) {
            problems.add(id + ": " + container + " has no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            problems.add(id + ": " + container + " image " + image + " has no tag (it would run latest)");
        } else if (image.substring(colon + 1).equals("latest")) {
            problems.add(id + ": " + container + " image " + image + " uses the tag latest");
        }
    }

    private void checkDeployment(Deployment d) {
        String id = id(d);
        PodTemplateSpec template = d.getSpec().getTemplate();
        Map<String, String> labels = template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
        check(labels.containsKey(APP_LABEL), id, "pod template has no " + APP_LABEL + " label");
        LabelSelector selector = d.getSpec().getSelector();
        check(selector != null && matches(selector, labels), id, "selector does not match its own pod labels");
        Long grace = template.getSpec().getTerminationGracePeriodSeconds();
        check(grace != null && grace > SHUTDOWN_TIMEOUT_SECONDS, id, "terminationGracePeriodSeconds ("
                + grace + ") must exceed quarkus.shutdown.timeout (" + SHUTDOWN_TIMEOUT_SECONDS + " s)");
        for (Container c : template.getSpec().getContainers()) {
            check(c.getLifecycle() != null && c.getLifecycle().getPreStop() != null, id,
                    "container " + c.getName() + " has no preStop hook (endpoints must drain first)");
        }
    }

    // ------------------------------------------------------------------ configuration

    private void checkSecret(Secret s) {
        boolean values = !s.getData().isEmpty() || !s.getStringData().isEmpty();
        if (values && !generated(s.getMetadata().getName())) {
            problems.add(id(s) + ": Secret values are committed (data/stringData): make it with a kustomize "
                    + "secretGenerator from files kept out of git, or create it in the cluster");
        }
    }

    private boolean generated(String name) {
        return options.generatedSecrets().stream()
                .anyMatch(g -> name.equals(g) || name.matches(Pattern.quote(g) + "-[a-z0-9]{10}"));
    }

    private void checkConfigMap(ConfigMap c) {
        for (String key : c.getData().keySet()) {
            if (CREDENTIAL.matcher(key).matches() && !WHERE_NOT_WHAT.matcher(key).matches()) {
                problems.add(id(c) + ": holds " + key + ": credentials belong in a Secret");
            }
        }
    }

    private void checkReference(String id, String kind, String name) {
        boolean present = objects.stream().anyMatch(o -> o.getKind().equals(kind)
                && o.getMetadata().getName().equals(name));
        boolean external = kind.equals("Secret") && options.externalSecrets().contains(name);
        check(present || external, id, "refers to " + kind + " " + name
                + ", which is neither in the manifests nor created by the operators (k8s/README.md)");
    }

    // ------------------------------------------------------------------ references

    private void checkService(Service s) {
        String id = id(s);
        Map<String, String> selector = s.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            problems.add(id + ": has no selector");
            return;
        }
        List<Workload> selected = workloads.stream()
                .filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet())).toList();
        if (selected.isEmpty()) {
            problems.add(id + ": selector " + selector + " matches no Deployment or StatefulSet pods");
            return;
        }
        for (ServicePort port : s.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
            boolean exposed = selected.stream().anyMatch(w -> target.getIntVal() != null
                    ? w.ports().contains(target.getIntVal())
                    : w.portNames().contains(target.getStrVal()));
            check(exposed, id, "port " + port.getPort() + " targets " + (target.getIntVal() != null
                    ? target.getIntVal() : target.getStrVal()) + ", which no selected pod exposes");
        }
    }

    private void checkIngress(Ingress ingress) {
        String id = id(ingress);
        List<IngressBackend> backends = new ArrayList<>();
        if (ingress.getSpec().getDefaultBackend() != null) {
            backends.add(ingress.getSpec().getDefaultBackend());
        }
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHttp() != null) {
                rule.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend).forEach(backends::add);
            }
        }
        for (IngressBackend backend : backends) {
            if (backend.getService() == null) {
                continue;
            }
            String name = backend.getService().getName();
            Optional<Service> service = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
                    .filter(s -> s.getMetadata().getName().equals(name)).findFirst();
            if (service.isEmpty()) {
                problems.add(id + ": backend " + name + " is not a Service in the manifests");
                continue;
            }
            var port = backend.getService().getPort();
            boolean known = port != null && service.get().getSpec().getPorts().stream().anyMatch(p -> port.getName() != null
                    ? port.getName().equals(p.getName())
                    : Objects.equals(port.getNumber(), p.getPort()));
            check(known, id, "backend " + name + " port " + (port == null ? null
                    : port.getName() != null ? port.getName() : port.getNumber()) + " is not a port of that Service");
        }
    }

    private void checkNetworkPolicy(NetworkPolicy policy) {
        String id = id(policy);
        LabelSelector target = policy.getSpec().getPodSelector();
        List<Workload> selected = selectedBy(target);
        if (!isEmpty(target) && selected.isEmpty()) {
            problems.add(id + ": podSelector " + show(target) + " matches no pods");
        }
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            checkPeers(id, "ingress from", rule.getFrom());
            checkPorts(id, "ingress", rule.getPorts(), selected);
        }
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            List<Workload> peers = checkPeers(id, "egress to", rule.getTo());
            if (!peers.isEmpty() && rule.getTo().stream().allMatch(p -> p.getPodSelector() != null
                    && p.getNamespaceSelector() == null)) {
                checkPorts(id, "egress", rule.getPorts(), peers);
            }
        }
    }

    private List<Workload> checkPeers(String id, String direction, List<NetworkPolicyPeer> peers) {
        List<Workload> all = new ArrayList<>();
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                List<Workload> matched = selectedBy(peer.getPodSelector());
                check(!matched.isEmpty(), id, direction + " podSelector " + show(peer.getPodSelector()) + " matches no pods");
                all.addAll(matched);
            }
        }
        return all;
    }

    private void checkPorts(String id, String direction, List<NetworkPolicyPort> ports, List<Workload> pods) {
        if (pods.isEmpty()) {
            return;
        }
        for (NetworkPolicyPort port : ports) {
            IntOrString p = port.getPort();
            if (p == null) {
                continue;
            }
            boolean exposed = pods.stream().anyMatch(w -> p.getIntVal() != null
                    ? w.ports().contains(p.getIntVal()) : w.portNames().contains(p.getStrVal()));
            check(exposed, id, direction + " port " + (p.getIntVal() != null ? p.getIntVal() : p.getStrVal())
                    + " is not a port of the pods it applies to ("
                    + pods.stream().map(Workload::name).distinct().toList() + ")");
        }
    }

    private void checkAutoscaler(HorizontalPodAutoscaler hpa) {
        var ref = hpa.getSpec().getScaleTargetRef();
        boolean exists = workloads.stream().anyMatch(w -> w.kind().equals(ref.getKind()) && w.name().equals(ref.getName()));
        check(exists, id(hpa), "scales " + ref.getKind() + "/" + ref.getName() + ", which is not in the manifests");
    }

    private void checkDisruptionBudget(PodDisruptionBudget pdb) {
        check(!selectedBy(pdb.getSpec().getSelector()).isEmpty(), id(pdb),
                "selector " + show(pdb.getSpec().getSelector()) + " matches no pods");
    }

    // ------------------------------------------------------------------ label selectors

    private List<Workload> selectedBy(LabelSelector selector) {
        return workloads.stream().filter(w -> matches(selector, w.podLabels())).toList();
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector == null || (selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty());
    }

    /** Kubernetes label selector semantics; an empty selector matches everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (!labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> labels.containsKey(r.getKey());
                case "DoesNotExist" -> !labels.containsKey(r.getKey());
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String show(LabelSelector selector) {
        if (selector == null) {
            return "{}";
        }
        List<String> parts = new ArrayList<>();
        selector.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        selector.getMatchExpressions().forEach(r -> parts.add(r.getKey() + " " + r.getOperator() + " " + r.getValues()));
        return "{" + String.join(", ", parts) + "}";
    }

    private void check(boolean ok, String id, String problem) {
        if (!ok) {
            problems.add(id + ": " + problem);
        }
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
