package io.agrilink.suite.k8s;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Who may open a connection to whom under the rendered NetworkPolicies, by the pods' app
 * label: a connection needs an ingress rule at the callee and an egress rule at the caller
 * (a pod no policy selects for a direction is open in that direction). Inside the namespace
 * ports are left out (ManifestRules checks them); ipBlocks, which lead out of the cluster, are
 * listed apart with their ports ({@link #outOfCluster()}).
 */
final class NetworkReach {

    private final List<NetworkPolicy> policies;
    private final List<ManifestRules.Workload> workloads;

    NetworkReach(List<HasMetadata> objects, List<ManifestRules.Workload> workloads) {
        this.policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
        this.workloads = workloads;
    }

    /** "caller -> callee" for every pair of workloads in the namespace that may connect. */
    Set<String> inNamespace() {
        Set<String> pairs = new TreeSet<>();
        for (ManifestRules.Workload from : workloads) {
            for (ManifestRules.Workload to : workloads) {
                if (ingressAllows(to, from) && egressAllows(from, to)) {
                    pairs.add(name(from) + " -> " + name(to));
                }
            }
        }
        return pairs;
    }

    /** "namespace -> callee" for the other namespaces that ingress rules let in. */
    Set<String> fromNamespaces() {
        Set<String> pairs = new TreeSet<>();
        for (ManifestRules.Workload to : workloads) {
            for (NetworkPolicy policy : selecting(to, "Ingress")) {
                policy.getSpec().getIngress().forEach(rule -> rule.getFrom().stream()
                        .filter(peer -> peer.getNamespaceSelector() != null)
                        .forEach(peer -> pairs.add(namespace(peer) + " -> " + name(to))));
            }
        }
        return pairs;
    }

    /**
     * "caller -> cidr:port" for every egress rule to an ipBlock (out of the cluster: an external
     * identity provider, an object store), "caller -> cidr" when the rule names no port.
     */
    Set<String> outOfCluster() {
        Set<String> pairs = new TreeSet<>();
        for (ManifestRules.Workload from : workloads) {
            for (NetworkPolicy policy : selecting(from, "Egress")) {
                for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                    for (NetworkPolicyPeer peer : rule.getTo()) {
                        if (peer.getIpBlock() == null) {
                            continue;
                        }
                        String target = name(from) + " -> " + peer.getIpBlock().getCidr();
                        if (rule.getPorts().isEmpty()) {
                            pairs.add(target);
                        }
                        rule.getPorts().forEach(port -> pairs.add(target + ":" + (port.getPort() == null ? "any"
                                : port.getPort().getIntVal() != null ? port.getPort().getIntVal() : port.getPort().getStrVal())));
                    }
                }
            }
        }
        return pairs;
    }

    private boolean ingressAllows(ManifestRules.Workload to, ManifestRules.Workload from) {
        List<NetworkPolicy> isolating = selecting(to, "Ingress");
        return isolating.isEmpty() || isolating.stream().anyMatch(p -> p.getSpec().getIngress().stream()
                .anyMatch(rule -> rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> admits(peer, from))));
    }

    private boolean egressAllows(ManifestRules.Workload from, ManifestRules.Workload to) {
        List<NetworkPolicy> isolating = selecting(from, "Egress");
        return isolating.isEmpty() || isolating.stream().anyMatch(p -> p.getSpec().getEgress().stream()
                .anyMatch(rule -> rule.getTo().isEmpty() || rule.getTo().stream().anyMatch(peer -> admits(peer, to))));
    }

    /** A peer admits a pod of this namespace when it has a pod selector and no namespace selector. */
    private static boolean admits(NetworkPolicyPeer peer, ManifestRules.Workload pod) {
        return peer.getPodSelector() != null && peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                && ManifestRules.matches(peer.getPodSelector(), pod.podLabels());
    }

    private List<NetworkPolicy> selecting(ManifestRules.Workload pod, String type) {
        return policies.stream()
                .filter(p -> ManifestRules.matches(p.getSpec().getPodSelector(), pod.podLabels()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(type)
                        || (p.getSpec().getPolicyTypes().isEmpty() && type.equals("Ingress")))
                .toList();
    }

    private static String namespace(NetworkPolicyPeer peer) {
        String name = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        return "namespace " + (name != null ? name : peer.getNamespaceSelector().toString());
    }

    private static String name(ManifestRules.Workload w) {
        return w.podLabels().getOrDefault(ManifestRules.APP_LABEL, w.name());
    }
}
