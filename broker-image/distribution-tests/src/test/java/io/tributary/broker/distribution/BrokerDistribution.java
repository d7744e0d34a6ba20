package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** A broker distribution built by a {@code broker-image/kafka-<version>} module. */
record BrokerDistribution(String kafkaVersion, Path home) {

    static BrokerDistribution of(String kafkaVersion) {
        Path brokerImage = Path.of(System.getProperty("tributary.broker.image.dir", ".."));
        Path home =
                brokerImage
                        .resolve("kafka-" + kafkaVersion)
                        .resolve("target")
                        .resolve("distribution");
        assertThat(home.resolve("bin").resolve("tributary-broker"))
                .as(
                        "the Kafka %s distribution (built by the reactor before these tests)",
                        kafkaVersion)
                .isExecutable();
        return new BrokerDistribution(kafkaVersion, home.toAbsolutePath().normalize());
    }

    Path entrypoint() {
        return home.resolve("bin").resolve("tributary-broker");
    }

    Path libs() {
        return home.resolve("libs");
    }

    String versionFile() throws java.io.IOException {
        return Files.readString(home.resolve("VERSION")).strip();
    }
}
