package io.tributary.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.config.PodIdentity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The environment contract: names, defaults, errors and computed placeholders. */
class LauncherEnvironmentTest {
    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("POD_NAME", "my-cluster-brokers-2");
        env.put("POD_NAMESPACE", "kafka");
        env.put("TRIBUTARY_HEADLESS_SERVICE", "my-cluster-brokers");
        return env;
    }

    @Test
    void appliesTheDocumentedDefaults() {
        LauncherEnvironment env = LauncherEnvironment.from(minimal());

        assertThat(env.podIp()).isEmpty();
        assertThat(env.nodeIdBase()).isZero();
        assertThat(env.clusterDomain()).isEqualTo("cluster.local");
        assertThat(env.clusterId()).isEmpty();
        assertThat(env.initialControllers()).isEmpty();
        assertThat(env.rack()).isEmpty();
        assertThat(env.configDir()).isEqualTo(Path.of("/opt/tributary/config"));
        assertThat(env.dataDir()).isEqualTo(Path.of("/var/lib/kafka/data"));
        assertThat(env.workDir()).isEqualTo(Path.of("/tmp/tributary"));
        assertThat(env.healthPort()).isEqualTo(8080);
        assertThat(env.templateFile())
                .isEqualTo(Path.of("/opt/tributary/config/server.properties"));
        assertThat(env.renderedFile()).isEqualTo(Path.of("/tmp/tributary/server.properties"));
    }

    @Test
    void readsEverySetting() {
        Map<String, String> values = minimal();
        values.put("POD_IP", "127.0.0.7");
        values.put("TRIBUTARY_NODE_ID_BASE", "100");
        values.put("TRIBUTARY_CLUSTER_DOMAIN", "example.org");
        values.put("TRIBUTARY_CLUSTER_ID", "MkU3OEVBNTcwNTJENDM2Qk");
        values.put("TRIBUTARY_INITIAL_CONTROLLERS", "0@a:9090:AAAAAAAAAAAAAAAAAAAAAA");
        values.put("TRIBUTARY_RACK", "zone-a");
        values.put("TRIBUTARY_CONFIG_DIR", "/c");
        values.put("TRIBUTARY_DATA_DIR", "/d");
        values.put("TRIBUTARY_WORK_DIR", "/w");
        values.put("TRIBUTARY_HEALTH_PORT", "18080");

        LauncherEnvironment env = LauncherEnvironment.from(values);

        assertThat(env.podIp()).contains("127.0.0.7");
        assertThat(env.bindAddress()).isEqualTo("127.0.0.7");
        assertThat(env.computedPlaceholders(new PodIdentity(2, 102, "f")))
                .containsEntry("POD_IP", "127.0.0.7")
                .containsEntry("TRIBUTARY_DATA_DIR", "/d");
        assertThat(env.nodeIdBase()).isEqualTo(100);
        assertThat(env.clusterDomain()).isEqualTo("example.org");
        assertThat(env.clusterId()).contains("MkU3OEVBNTcwNTJENDM2Qk");
        assertThat(env.initialControllers()).contains("0@a:9090:AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(env.rack()).contains("zone-a");
        assertThat(env.configDir()).isEqualTo(Path.of("/c"));
        assertThat(env.dataDir()).isEqualTo(Path.of("/d"));
        assertThat(env.workDir()).isEqualTo(Path.of("/w"));
        assertThat(env.healthPort()).isEqualTo(18080);
        assertThat(env.env()).containsEntry("TRIBUTARY_RACK", "zone-a");
    }

    @Test
    void treatsBlankValuesAsUnset() {
        Map<String, String> values = minimal();
        values.put("POD_IP", "");
        values.put("TRIBUTARY_RACK", "  ");

        LauncherEnvironment env = LauncherEnvironment.from(values);

        assertThat(env.podIp()).isEqualTo(Optional.empty());
        assertThat(env.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(env.rack()).isEmpty();
    }

    @Test
    void namesAMissingRequiredVariable() {
        for (String name :
                new String[] {"POD_NAME", "POD_NAMESPACE", "TRIBUTARY_HEADLESS_SERVICE"}) {
            Map<String, String> values = minimal();
            values.remove(name);

            assertThatThrownBy(() -> LauncherEnvironment.from(values))
                    .isInstanceOf(LauncherException.class)
                    .hasMessage("Environment variable " + name + " is required");
        }
    }

    @Test
    void namesAMalformedNumber() {
        Map<String, String> values = minimal();
        values.put("TRIBUTARY_HEALTH_PORT", "80a");

        assertThatThrownBy(() -> LauncherEnvironment.from(values))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("TRIBUTARY_HEALTH_PORT")
                .hasMessageContaining("'80a'");

        values.put("TRIBUTARY_HEALTH_PORT", "8080");
        values.put("TRIBUTARY_NODE_ID_BASE", "-1");
        assertThatThrownBy(() -> LauncherEnvironment.from(values))
                .hasMessageContaining("TRIBUTARY_NODE_ID_BASE");
    }

    @Test
    void computesPlaceholdersForTheIdentityAndTheDefaultedSettings() {
        Map<String, String> values = minimal();
        values.put("TRIBUTARY_DATA_DIR", " ");
        values.put("TRIBUTARY_RACK", "zone-a");
        LauncherEnvironment env = LauncherEnvironment.from(values);

        assertThat(env.computedPlaceholders(new PodIdentity(2, 2, "fqdn")))
                .containsExactly(
                        Map.entry("TRIBUTARY_NODE_ID", "2"),
                        Map.entry("TRIBUTARY_POD_FQDN", "fqdn"),
                        Map.entry("TRIBUTARY_RACK", "zone-a"),
                        Map.entry("POD_IP", "0.0.0.0"),
                        Map.entry("TRIBUTARY_CLUSTER_DOMAIN", "cluster.local"),
                        Map.entry("TRIBUTARY_CONFIG_DIR", "/opt/tributary/config"),
                        Map.entry("TRIBUTARY_DATA_DIR", "/var/lib/kafka/data"),
                        Map.entry("TRIBUTARY_WORK_DIR", "/tmp/tributary"),
                        Map.entry("TRIBUTARY_HEALTH_PORT", "8080"));
    }
}
