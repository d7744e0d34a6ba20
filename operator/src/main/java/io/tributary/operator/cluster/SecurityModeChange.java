package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import io.tributary.operator.security.ClusterTls;
import io.tributary.operator.status.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Refuses to switch a running cluster between plaintext and mutual TLS on the nodes' own listeners
 * (controller and replication): a node restarted onto one cannot talk to the nodes still on the
 * other, so no rolling restart can make that change. Whether the running nodes are secured shows in
 * their template's certificates annotation. Pure.
 */
public final class SecurityModeChange {
    private SecurityModeChange() {}

    public static List<Problem> refusals(KafkaClusterSpec spec, Collection<StatefulSet> running) {
        if (running.isEmpty()) {
            return List.of();
        }
        boolean runningSecured = running.stream().anyMatch(SecurityModeChange::secured);
        boolean wanted = ClusterTls.isSecured(spec);
        if (runningSecured == wanted) {
            return List.of();
        }
        return List.of(
                new Problem(
                        "SecurityModeChangeNotSupported",
                        wanted
                                ? "spec.listeners and spec.authorization: TLS, authentication or"
                                      + " authorization would move the running cluster's own"
                                      + " listeners from plaintext to mutual TLS, which restarting"
                                      + " one node at a time cannot do; create a new cluster with"
                                      + " security, or keep every listener without tls and"
                                      + " authentication and authorization none"
                                : "spec.listeners and spec.authorization: without TLS,"
                                      + " authentication or authorization the running cluster's own"
                                      + " listeners would move from mutual TLS to plaintext, which"
                                      + " restarting one node at a time cannot do; keep a listener"
                                      + " with tls or authentication, or authorization simple"));
    }

    private static boolean secured(StatefulSet sts) {
        Map<String, String> annotations =
                sts.getSpec().getTemplate().getMetadata() == null
                        ? null
                        : sts.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations != null
                && annotations.containsKey(NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION);
    }
}
