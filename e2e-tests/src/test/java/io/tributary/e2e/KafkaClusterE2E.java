package io.tributary.e2e;

/**
 * {@link KafkaClusterIT} on a real cluster from {@code KUBECONFIG}; skipped, saying so, when there
 * is none.
 */
class KafkaClusterE2E extends KafkaClusterIT {
    @Override
    String target() {
        return "kubeconfig";
    }
}
