package io.tributary.operator.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting of the operator: its environment variable, the command-line flag that overrides it,
 * its default and what it does. {@link OperatorSettings} reads and validates them; {@code --help}
 * prints this table.
 */
public enum OperatorSetting {
    NAMESPACES(
            "TRIBUTARY_NAMESPACES",
            "--namespaces",
            "",
            "namespaces to watch, comma-separated; empty watches all namespaces"),
    CLUSTER_DOMAIN(
            "TRIBUTARY_CLUSTER_DOMAIN",
            "--cluster-domain",
            "cluster.local",
            "the Kubernetes cluster's DNS domain, in the brokers' advertised names"),
    BROKER_IMAGE_REPOSITORY(
            "TRIBUTARY_BROKER_IMAGE_REPOSITORY",
            "--broker-image-repository",
            OperatorSettings.DEFAULT_BROKER_IMAGE_REPOSITORY,
            "repository of the broker images, without a tag"),
    VERSION(
            "TRIBUTARY_VERSION",
            "--operator-version",
            "the operator's own version",
            "the operator version in broker image tags (<version>-kafka-<Kafka version>)"),
    PROGRESS_INTERVAL_SECONDS(
            "TRIBUTARY_PROGRESS_INTERVAL_SECONDS",
            "--progress-interval-seconds",
            "5",
            "how soon a resource that is not ready yet is reconciled again"),
    RESYNC_INTERVAL_SECONDS(
            "TRIBUTARY_RESYNC_INTERVAL_SECONDS",
            "--resync-interval-seconds",
            "60",
            "how often a ready resource is reconciled again (its health refreshed, drift undone)"),
    KAFKA_TIMEOUT_SECONDS(
            "TRIBUTARY_KAFKA_TIMEOUT_SECONDS",
            "--kafka-timeout-seconds",
            "10",
            "how long a call to a Kafka cluster's Admin API may take"),
    LOG_LEVEL(
            "TRIBUTARY_LOG_LEVEL",
            "--log-level",
            "INFO",
            "the operator's log level: TRACE, DEBUG, INFO, WARN or ERROR"),
    LOG_JSON(
            "TRIBUTARY_LOG_JSON",
            "--log-json",
            "false",
            "true writes one JSON object per line (Elastic Common Schema) instead of text"),
    LEADER_ELECTION(
            "TRIBUTARY_LEADER_ELECTION",
            "--leader-election",
            "false",
            "true runs leader election on a Lease, so that of several replicas one reconciles"),
    LEADER_ELECTION_LEASE_NAME(
            "TRIBUTARY_LEADER_ELECTION_LEASE_NAME",
            "--leader-election-lease-name",
            "tributary-operator",
            "the Lease that replicas compete for"),
    LEADER_ELECTION_LEASE_NAMESPACE(
            "TRIBUTARY_LEADER_ELECTION_LEASE_NAMESPACE",
            "--leader-election-lease-namespace",
            "the namespace of the client's configuration (in a pod: its own)",
            "the namespace of the Lease"),
    LEADER_ELECTION_IDENTITY(
            "TRIBUTARY_LEADER_ELECTION_IDENTITY",
            "--leader-election-identity",
            "$HOSTNAME, else a random id",
            "this replica's name in the Lease"),
    HTTP_PORT(
            "TRIBUTARY_HTTP_PORT",
            "--http-port",
            "8080",
            "port of /healthz, /readyz and /metrics; 0 picks a free port");

    private final String variable;
    private final String flag;
    private final String defaultValue;
    private final String description;

    OperatorSetting(String variable, String flag, String defaultValue, String description) {
        this.variable = variable;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String variable() {
        return variable;
    }

    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** How error messages name the setting: its variable, and its flag. */
    String label() {
        return variable + " (" + flag + ")";
    }

    /** The setting a flag stands for. */
    static Optional<OperatorSetting> byFlag(String flag) {
        return Arrays.stream(values()).filter(s -> s.flag.equals(flag)).findFirst();
    }

    /**
     * The environment with the command-line flags laid over it: {@code --log-level=DEBUG} or {@code
     * --log-level DEBUG} sets {@code TRIBUTARY_LOG_LEVEL}.
     *
     * @throws IllegalArgumentException naming an unknown flag, or a flag without a value
     */
    public static Map<String, String> withFlags(
            Map<String, String> environment, List<String> args) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            OperatorSetting setting =
                    byFlag(flag)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown argument "
                                                            + arg
                                                            + "; the flags are: "
                                                            + Arrays.stream(values())
                                                                    .map(s -> s.flag)
                                                                    .collect(
                                                                            Collectors.joining(
                                                                                    ", "))));
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            merged.put(setting.variable, value);
        }
        return merged;
    }

    /** The settings as a table for {@code --help}. */
    public static String help() {
        StringBuilder text = new StringBuilder();
        for (OperatorSetting setting : values()) {
            text.append(setting.flag)
                    .append(" / ")
                    .append(setting.variable)
                    .append("\n    ")
                    .append(setting.description)
                    .append(" (default: ")
                    .append(setting.defaultValue.isEmpty() ? "empty" : setting.defaultValue)
                    .append(")\n");
        }
        return text.toString();
    }
}
