package io.tributary.operator.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tributary.operator.config.OperatorVersion;

/**
 * The operator's Kubernetes client: the configuration given (from {@code KUBECONFIG} or the pod's
 * service account), with a User-Agent of its own, so that its calls can be told apart in API server
 * logs and audit (and by the sandbox, which checks them against the Helm chart's RBAC).
 */
public final class OperatorClients {
    /** What the operator's User-Agent starts with. */
    public static final String USER_AGENT_PREFIX = "tributary-operator/";

    private OperatorClients() {}

    public static String userAgent() {
        return USER_AGENT_PREFIX + OperatorVersion.current();
    }

    /**
     * A client for the configuration, carrying the operator's User-Agent. The configuration is
     * changed in place rather than copied: a copy would lose what fabric8 keeps to refresh a
     * service account's token.
     */
    public static KubernetesClient create(Config config) {
        config.setUserAgent(userAgent());
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A client configured from {@code KUBECONFIG}, {@code ~/.kube/config} or the pod. */
    public static KubernetesClient fromEnvironment() {
        return create(Config.autoConfigure(null));
    }
}
