package io.tributary.operator.config;

import io.tributary.api.v1alpha1.cluster.KafkaVersion;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How this operator instance runs, from its environment: which namespaces it watches, the
 * Kubernetes cluster domain, the broker images, and how often it looks at clusters.
 *
 * @param namespaces the namespaces to watch; empty means all
 * @param brokerImageRepository repository of the broker images; the tag is {@code <operator
 *     version>-kafka-<Kafka version>}
 * @param progressInterval how soon a cluster that is not ready is looked at again
 * @param resyncInterval how often a ready cluster's health is refreshed
 */
public record OperatorSettings(
        Set<String> namespaces,
        String clusterDomain,
        String brokerImageRepository,
        String operatorVersion,
        Duration progressInterval,
        Duration resyncInterval,
        Duration kafkaTimeout) {

    public static final String DEFAULT_BROKER_IMAGE_REPOSITORY =
            "ghcr.io/tributary-io/tributary-kafka";

    public OperatorSettings {
        namespaces = Set.copyOf(namespaces);
    }

    public static OperatorSettings defaults() {
        return fromEnvironment(Map.of());
    }

    /** Settings from {@code TRIBUTARY_*} environment variables, with defaults for the rest. */
    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        return new OperatorSettings(
                parseNamespaces(env.getOrDefault("TRIBUTARY_NAMESPACES", "")),
                env.getOrDefault("TRIBUTARY_CLUSTER_DOMAIN", "cluster.local"),
                env.getOrDefault(
                        "TRIBUTARY_BROKER_IMAGE_REPOSITORY", DEFAULT_BROKER_IMAGE_REPOSITORY),
                env.getOrDefault("TRIBUTARY_VERSION", OperatorVersion.current()),
                seconds(env, "TRIBUTARY_PROGRESS_INTERVAL_SECONDS", 5),
                seconds(env, "TRIBUTARY_RESYNC_INTERVAL_SECONDS", 60),
                seconds(env, "TRIBUTARY_KAFKA_TIMEOUT_SECONDS", 10));
    }

    /** The broker image of a Kafka version. */
    public String brokerImage(KafkaVersion version) {
        return brokerImageRepository + ":" + operatorVersion + "-kafka-" + version.version();
    }

    private static Set<String> parseNamespaces(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static Duration seconds(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        try {
            return Duration.ofSeconds(value == null ? fallback : Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a number of seconds, got: " + value, e);
        }
    }
}
