package io.tributary.operator.config;

import io.tributary.api.v1alpha1.cluster.KafkaVersion;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How this operator instance runs, from its environment (and flags, see {@link OperatorSetting}):
 * which namespaces it watches, the Kubernetes cluster domain, the broker images, how often it looks
 * at resources, its logging, leader election and HTTP port.
 *
 * @param namespaces the namespaces to watch; empty means all
 * @param brokerImageRepository repository of the broker images; the tag is {@code <operator
 *     version>-kafka-<Kafka version>}
 * @param progressInterval how soon a resource that is not ready is looked at again
 * @param resyncInterval how often a ready resource is looked at again
 * @param logLevel TRACE, DEBUG, INFO, WARN or ERROR
 * @param logJson JSON log lines instead of text
 * @param leaderElection present when replicas elect a leader
 * @param httpPort port of the health and metrics endpoints; 0 for a free one
 */
public record OperatorSettings(
        Set<String> namespaces,
        String clusterDomain,
        String brokerImageRepository,
        String operatorVersion,
        Duration progressInterval,
        Duration resyncInterval,
        Duration kafkaTimeout,
        String logLevel,
        boolean logJson,
        Optional<LeaderElection> leaderElection,
        int httpPort) {

    public static final String DEFAULT_BROKER_IMAGE_REPOSITORY =
            "ghcr.io/tributary-io/tributary-kafka";

    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    /** An image repository: lower-case path components, an optional registry host and port. */
    private static final Pattern REPOSITORY =
            Pattern.compile(
                    "([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");

    /** What may start an image tag. */
    private static final Pattern TAG_PREFIX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}");

    /** Non-blank, without white space. */
    private static final Pattern IDENTITY = Pattern.compile("\\S{1,253}");

    /**
     * Leader election on a Lease.
     *
     * @param leaseNamespace empty: the namespace of the client's configuration
     * @param identity empty: {@code $HOSTNAME}, else a random id
     */
    public record LeaderElection(
            String leaseName, Optional<String> leaseNamespace, Optional<String> identity) {}

    public OperatorSettings {
        namespaces = Set.copyOf(namespaces);
    }

    public static OperatorSettings defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Settings from {@code TRIBUTARY_*} environment variables, with defaults for the rest.
     *
     * @throws IllegalArgumentException naming every variable whose value is invalid
     */
    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        SettingReader read = new SettingReader(env);
        Set<String> namespaces = namespaces(read);
        String clusterDomain =
                read.matching(
                        OperatorSetting.CLUSTER_DOMAIN,
                        "cluster.local",
                        SettingReader.DNS_SUBDOMAIN,
                        "must be a DNS domain such as cluster.local");
        String repository =
                read.matching(
                        OperatorSetting.BROKER_IMAGE_REPOSITORY,
                        DEFAULT_BROKER_IMAGE_REPOSITORY,
                        REPOSITORY,
                        "must be an image repository without a tag or digest, such as"
                                + " ghcr.io/tributary-io/tributary-kafka");
        String version =
                read.matching(
                        OperatorSetting.VERSION,
                        OperatorVersion.current(),
                        TAG_PREFIX,
                        "must be usable in an image tag (letters, digits, '_', '.', '-')");
        Duration progress = read.seconds(OperatorSetting.PROGRESS_INTERVAL_SECONDS, 5);
        Duration resync = read.seconds(OperatorSetting.RESYNC_INTERVAL_SECONDS, 60);
        Duration kafkaTimeout = read.seconds(OperatorSetting.KAFKA_TIMEOUT_SECONDS, 10);
        String logLevel = read.oneOf(OperatorSetting.LOG_LEVEL, "INFO", LOG_LEVELS);
        boolean logJson = read.bool(OperatorSetting.LOG_JSON, false);
        Optional<LeaderElection> leaderElection = leaderElection(read);
        int httpPort = read.port(OperatorSetting.HTTP_PORT, 8080);
        read.requireValid();
        return new OperatorSettings(
                namespaces,
                clusterDomain,
                repository,
                version,
                progress,
                resync,
                kafkaTimeout,
                logLevel,
                logJson,
                leaderElection,
                httpPort);
    }

    /** The broker image of a Kafka version. */
    public String brokerImage(KafkaVersion version) {
        return brokerImageRepository + ":" + operatorVersion + "-kafka-" + version.version();
    }

    /** The same settings on another HTTP port. */
    public OperatorSettings withHttpPort(int port) {
        return new OperatorSettings(
                namespaces,
                clusterDomain,
                brokerImageRepository,
                operatorVersion,
                progressInterval,
                resyncInterval,
                kafkaTimeout,
                logLevel,
                logJson,
                leaderElection,
                port);
    }

    private static Set<String> namespaces(SettingReader read) {
        Set<String> namespaces = new LinkedHashSet<>();
        Optional<String> value = read.value(OperatorSetting.NAMESPACES);
        if (value.isEmpty()) {
            return namespaces;
        }
        for (String name : Arrays.stream(value.get().split(",")).map(String::trim).toList()) {
            if (!SettingReader.DNS_LABEL.matcher(name).matches()) {
                read.fail(
                        OperatorSetting.NAMESPACES,
                        "must be namespace names separated by commas; not a namespace name: '"
                                + name
                                + "'",
                        value.get());
                return Set.of();
            }
            namespaces.add(name);
        }
        return namespaces;
    }

    private static Optional<LeaderElection> leaderElection(SettingReader read) {
        boolean enabled = read.bool(OperatorSetting.LEADER_ELECTION, false);
        String leaseName =
                read.matching(
                        OperatorSetting.LEADER_ELECTION_LEASE_NAME,
                        "tributary-operator",
                        SettingReader.DNS_SUBDOMAIN,
                        "must be a Kubernetes object name (lower case, digits, '-', '.')");
        String namespace =
                read.matching(
                        OperatorSetting.LEADER_ELECTION_LEASE_NAMESPACE,
                        "",
                        SettingReader.DNS_LABEL,
                        "must be a namespace name");
        String identity =
                read.matching(
                        OperatorSetting.LEADER_ELECTION_IDENTITY,
                        "",
                        IDENTITY,
                        "must be a name without white space, at most 253 characters");
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.of(
                new LeaderElection(
                        leaseName,
                        Optional.of(namespace).filter(n -> !n.isEmpty()),
                        Optional.of(identity).filter(i -> !i.isEmpty())));
    }
}
