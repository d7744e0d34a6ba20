package io.tributary.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;

/** The operator's table of metadata.version names and levels is Kafka's own. */
class MetadataVersionsTest {
    @Test
    void everyProductionVersionKafkaKnowsHasItsLevel() {
        for (MetadataVersion version : MetadataVersion.VERSIONS) {
            if (version.compareTo(MetadataVersion.LATEST_PRODUCTION) > 0
                    || version.featureLevel() < 7) {
                continue;
            }
            assertThat(MetadataVersions.level(version.version()))
                    .as("level of %s", version.version())
                    .contains(version.featureLevel());
            assertThat(MetadataVersions.name(version.featureLevel())).contains(version.version());
        }
    }
}
