package io.tributary.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings from the environment and flags: defaults, valid values, and each invalid one named. */
class OperatorSettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        OperatorSettings settings = OperatorSettings.defaults();

        assertThat(settings.namespaces()).isEmpty();
        assertThat(settings.clusterDomain()).isEqualTo("cluster.local");
        assertThat(settings.brokerImageRepository())
                .isEqualTo(OperatorSettings.DEFAULT_BROKER_IMAGE_REPOSITORY);
        assertThat(settings.operatorVersion()).isEqualTo(OperatorVersion.current());
        assertThat(settings.progressInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.resyncInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.kafkaTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.logLevel()).isEqualTo("INFO");
        assertThat(settings.logJson()).isFalse();
        assertThat(settings.leaderElection()).isEmpty();
        assertThat(settings.httpPort()).isEqualTo(8080);
    }

    @Test
    void everySettingFromTheEnvironment() {
        OperatorSettings settings =
                OperatorSettings.fromEnvironment(
                        Map.ofEntries(
                                Map.entry("TRIBUTARY_NAMESPACES", " kafka, team-a ,kafka"),
                                Map.entry("TRIBUTARY_CLUSTER_DOMAIN", "corp.example"),
                                Map.entry(
                                        "TRIBUTARY_BROKER_IMAGE_REPOSITORY",
                                        "registry.local:5000/kafka/broker"),
                                Map.entry("TRIBUTARY_VERSION", "1.2.3"),
                                Map.entry("TRIBUTARY_PROGRESS_INTERVAL_SECONDS", "2"),
                                Map.entry("TRIBUTARY_RESYNC_INTERVAL_SECONDS", "300"),
                                Map.entry("TRIBUTARY_KAFKA_TIMEOUT_SECONDS", "30"),
                                Map.entry("TRIBUTARY_LOG_LEVEL", "debug"),
                                Map.entry("TRIBUTARY_LOG_JSON", "TRUE"),
                                Map.entry("TRIBUTARY_LEADER_ELECTION", "true"),
                                Map.entry("TRIBUTARY_LEADER_ELECTION_LEASE_NAME", "my-lease"),
                                Map.entry("TRIBUTARY_LEADER_ELECTION_LEASE_NAMESPACE", "operators"),
                                Map.entry("TRIBUTARY_LEADER_ELECTION_IDENTITY", "pod-0"),
                                Map.entry("TRIBUTARY_HTTP_PORT", "9000")));

        assertThat(settings.namespaces()).isEqualTo(Set.of("kafka", "team-a"));
        assertThat(settings.clusterDomain()).isEqualTo("corp.example");
        assertThat(settings.brokerImageRepository()).isEqualTo("registry.local:5000/kafka/broker");
        assertThat(settings.operatorVersion()).isEqualTo("1.2.3");
        assertThat(settings.progressInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.resyncInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.kafkaTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.logLevel()).isEqualTo("DEBUG");
        assertThat(settings.logJson()).isTrue();
        assertThat(settings.leaderElection())
                .contains(
                        new OperatorSettings.LeaderElection(
                                "my-lease", Optional.of("operators"), Optional.of("pod-0")));
        assertThat(settings.httpPort()).isEqualTo(9000);
    }

    @Test
    void leaderElectionDefaultsToTheClientsNamespaceAndTheHostName() {
        OperatorSettings settings =
                OperatorSettings.fromEnvironment(Map.of("TRIBUTARY_LEADER_ELECTION", "true"));

        assertThat(settings.leaderElection())
                .contains(
                        new OperatorSettings.LeaderElection(
                                "tributary-operator", Optional.empty(), Optional.empty()));
    }

    @Test
    void blankValuesMeanTheDefault() {
        OperatorSettings settings =
                OperatorSettings.fromEnvironment(
                        Map.of(
                                "TRIBUTARY_NAMESPACES", "",
                                "TRIBUTARY_LOG_LEVEL", " ",
                                "TRIBUTARY_HTTP_PORT", ""));

        assertThat(settings.namespaces()).isEmpty();
        assertThat(settings.logLevel()).isEqualTo("INFO");
        assertThat(settings.httpPort()).isEqualTo(8080);
    }

    @Test
    void portZeroAsksForAFreePort() {
        assertThat(OperatorSettings.fromEnvironment(Map.of("TRIBUTARY_HTTP_PORT", "0")).httpPort())
                .isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TRIBUTARY_NAMESPACES|kafka,Team_A|not a namespace name: 'Team_A'",
                "TRIBUTARY_NAMESPACES|kafka,,other|not a namespace name: ''",
                "TRIBUTARY_CLUSTER_DOMAIN|cluster..local|must be a DNS domain",
                "TRIBUTARY_CLUSTER_DOMAIN|Cluster.Local|must be a DNS domain",
                "TRIBUTARY_BROKER_IMAGE_REPOSITORY|ghcr.io/tributary-io/kafka:4.4.0|without a tag",
                "TRIBUTARY_BROKER_IMAGE_REPOSITORY|ghcr.io/kafka@sha256:abc|without a tag",
                "TRIBUTARY_BROKER_IMAGE_REPOSITORY|my repo|without a tag",
                "TRIBUTARY_VERSION|1.0/2|usable in an image tag",
                "TRIBUTARY_VERSION|-1.0|usable in an image tag",
                "TRIBUTARY_PROGRESS_INTERVAL_SECONDS|five|whole number of seconds",
                "TRIBUTARY_PROGRESS_INTERVAL_SECONDS|0|whole number of seconds from 1",
                "TRIBUTARY_RESYNC_INTERVAL_SECONDS|-60|whole number of seconds",
                "TRIBUTARY_RESYNC_INTERVAL_SECONDS|1.5|whole number of seconds",
                "TRIBUTARY_RESYNC_INTERVAL_SECONDS|86401|to 86400",
                "TRIBUTARY_KAFKA_TIMEOUT_SECONDS|10s|whole number of seconds",
                "TRIBUTARY_LOG_LEVEL|LOUD|must be one of TRACE, DEBUG, INFO, WARN, ERROR",
                "TRIBUTARY_LOG_LEVEL|FINE|must be one of TRACE, DEBUG, INFO, WARN, ERROR",
                "TRIBUTARY_LOG_JSON|yes|must be true or false",
                "TRIBUTARY_LEADER_ELECTION|1|must be true or false",
                "TRIBUTARY_LEADER_ELECTION_LEASE_NAME|My_Lease|must be a Kubernetes object name",
                "TRIBUTARY_LEADER_ELECTION_LEASE_NAMESPACE|op.erators|must be a namespace name",
                "TRIBUTARY_LEADER_ELECTION_IDENTITY|pod 0|without white space",
                "TRIBUTARY_HTTP_PORT|http|must be a port number",
                "TRIBUTARY_HTTP_PORT|65536|must be a port number",
                "TRIBUTARY_HTTP_PORT|-1|must be a port number",
            })
    void anInvalidValueIsRejectedNamingTheVariableAndTheFlag(
            String variable, String value, String rule) {
        String flag =
                List.of(OperatorSetting.values()).stream()
                        .filter(s -> s.variable().equals(variable))
                        .findFirst()
                        .orElseThrow()
                        .flag();

        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(variable + " (" + flag + ")")
                .hasMessageContaining(rule)
                .hasMessageContaining("got: '" + value.trim() + "'");
    }

    @Test
    void everyInvalidValueIsNamedAtOnce() {
        Map<String, String> env = new HashMap<>();
        env.put("TRIBUTARY_LOG_LEVEL", "LOUD");
        env.put("TRIBUTARY_HTTP_PORT", "http");
        env.put("TRIBUTARY_RESYNC_INTERVAL_SECONDS", "0");

        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(env))
                .hasMessageContaining("TRIBUTARY_LOG_LEVEL")
                .hasMessageContaining("TRIBUTARY_HTTP_PORT")
                .hasMessageContaining("TRIBUTARY_RESYNC_INTERVAL_SECONDS");
    }

    @Test
    void flagsOverrideTheEnvironmentInBothForms() {
        Map<String, String> env =
                OperatorSetting.withFlags(
                        Map.of("TRIBUTARY_LOG_LEVEL", "WARN", "TRIBUTARY_HTTP_PORT", "9000"),
                        List.of("--log-level=DEBUG", "--namespaces", "a,b", "--log-json=true"));

        OperatorSettings settings = OperatorSettings.fromEnvironment(env);

        assertThat(settings.logLevel()).isEqualTo("DEBUG");
        assertThat(settings.namespaces()).isEqualTo(Set.of("a", "b"));
        assertThat(settings.logJson()).isTrue();
        assertThat(settings.httpPort()).isEqualTo(9000);
    }

    @Test
    void anUnknownFlagIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> OperatorSetting.withFlags(Map.of(), List.of("--verbose")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown argument --verbose")
                .hasMessageContaining("--log-level");
    }

    @Test
    void aFlagWithoutItsValueIsRejected() {
        assertThatThrownBy(
                        () ->
                                OperatorSetting.withFlags(
                                        Map.of(), List.of("--log-level", "--log-json=true")))
                .hasMessage("--log-level needs a value");
        assertThatThrownBy(() -> OperatorSetting.withFlags(Map.of(), List.of("--http-port")))
                .hasMessage("--http-port needs a value");
    }

    @Test
    void anInvalidFlagValueNamesTheFlag() {
        Map<String, String> env = OperatorSetting.withFlags(Map.of(), List.of("--http-port=x"));

        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(env))
                .hasMessageContaining("--http-port");
    }

    @Test
    void helpListsEveryFlagAndVariable() {
        String help = OperatorSetting.help();

        for (OperatorSetting setting : OperatorSetting.values()) {
            assertThat(help).contains(setting.flag() + " / " + setting.variable());
        }
    }
}
