package io.tributary.operator.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.operator.cluster.model.ConfigChangeClassifier.Action;
import io.tributary.operator.cluster.model.ConfigChangeClassifier.Classification;
import io.tributary.operator.config.DynamicBrokerConfigs;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigChangeClassifierTest {
    private static final Set<String> DYNAMIC = DynamicBrokerConfigs.clusterWide();
    private static final Map<String, String> RUNNING =
            Map.of(
                    "node.id", "${TRIBUTARY_NODE_ID}",
                    "log.retention.ms", "3600000",
                    "auto.create.topics.enable", "true",
                    "min.insync.replicas", "2");

    @Test
    void noChangeNeedsNothing() {
        Classification c = ConfigChangeClassifier.classify(RUNNING, RUNNING, DYNAMIC);

        assertThat(c.action()).isEqualTo(Action.NONE);
        assertThat(c.describe()).isEmpty();
    }

    @Test
    void aDynamicKeyIsUpdatedWithoutARestart() {
        Classification c =
                ConfigChangeClassifier.classify(
                        RUNNING, with(RUNNING, "log.retention.ms", "7200000"), DYNAMIC);

        assertThat(c.action()).isEqualTo(Action.DYNAMIC_UPDATE);
        assertThat(c.dynamicKeys()).containsExactly("log.retention.ms");
        assertThat(c.describe()).isEqualTo("log.retention.ms applied without a restart");
    }

    @Test
    void aReadOnlyKeyNeedsARollingRestart() {
        Classification c =
                ConfigChangeClassifier.classify(
                        RUNNING, with(RUNNING, "auto.create.topics.enable", "false"), DYNAMIC);

        assertThat(c.action()).isEqualTo(Action.ROLLING_RESTART);
        assertThat(c.restartKeys()).containsExactly("auto.create.topics.enable");
    }

    @Test
    void theMostDisruptiveKeyDecidesAndBothAreNamed() {
        Map<String, String> desired =
                with(
                        with(RUNNING, "auto.create.topics.enable", "false"),
                        "log.retention.ms",
                        "1000");

        Classification c = ConfigChangeClassifier.classify(RUNNING, desired, DYNAMIC);

        assertThat(c.action()).isEqualTo(Action.ROLLING_RESTART);
        assertThat(c.describe())
                .isEqualTo(
                        "log.retention.ms applied without a restart; auto.create.topics.enable"
                                + " take effect after a rolling restart");
    }

    @Test
    void addingAndRemovingAKeyCountAsChanges() {
        Map<String, String> added = with(RUNNING, "log.cleaner.threads", "2");
        assertThat(ConfigChangeClassifier.classify(RUNNING, added, DYNAMIC).action())
                .isEqualTo(Action.DYNAMIC_UPDATE);
        assertThat(ConfigChangeClassifier.classify(added, RUNNING, DYNAMIC).dynamicKeys())
                .containsExactly("log.cleaner.threads");
        Map<String, String> removed = new java.util.HashMap<>(RUNNING);
        removed.remove("auto.create.topics.enable");
        assertThat(ConfigChangeClassifier.classify(RUNNING, removed, DYNAMIC).action())
                .isEqualTo(Action.ROLLING_RESTART);
    }

    @Test
    void aPerBrokerOnlyKeyNeedsARestartSinceTheOperatorSetsClusterWideDefaults() {
        String perBrokerOnly =
                DynamicBrokerConfigs.modes().entrySet().stream()
                        .filter(e -> e.getValue().equals(DynamicBrokerConfigs.PER_BROKER))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow();

        Classification c =
                ConfigChangeClassifier.classify(
                        RUNNING, with(RUNNING, perBrokerOnly, "x"), DYNAMIC);

        assertThat(c.action()).isEqualTo(Action.ROLLING_RESTART);
    }

    @Test
    void aTemplatedValueIsNeverUpdatedAtRunTime() {
        Map<String, String> running = with(RUNNING, "log.retention.ms", "${RETENTION}");

        assertThat(ConfigChangeClassifier.classify(running, RUNNING, DYNAMIC).action())
                .isEqualTo(Action.ROLLING_RESTART);
    }

    @Test
    void parsesServerProperties() {
        assertThat(ConfigChangeClassifier.parse("# comment\na=1\nb=x\\=y\n"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "x=y"));
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
