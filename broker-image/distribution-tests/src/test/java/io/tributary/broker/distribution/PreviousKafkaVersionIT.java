package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka 4.3.1 distribution runs the same launcher (built against 4.4.0) and really runs Kafka
 * 4.3.1: the parent POM's 4.4.0 pins must not leak into it.
 */
class PreviousKafkaVersionIT {
    private final BrokerDistribution distribution = BrokerDistribution.of("4.3.1");
    private final NodePool pool = NodePool.combined("previous", distribution, List.of("127.0.0.5"));

    @AfterEach
    void killBrokers() {
        pool.close();
    }

    @Test
    void shipsOnlyKafka431Jars() throws IOException {
        assertThat(distribution.versionFile()).isEqualTo("4.3.1");
        try (Stream<Path> libs = Files.list(distribution.libs())) {
            List<String> kafkaJars =
                    libs.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("kafka"))
                            .toList();
            assertThat(kafkaJars).contains("kafka_2.13-4.3.1.jar", "kafka-clients-4.3.1.jar");
            assertThat(kafkaJars).allSatisfy(jar -> assertThat(jar).endsWith("-4.3.1.jar"));
        }
    }

    @Test
    void runsKafka431() throws Exception {
        BrokerProcess broker = pool.start(0);
        broker.awaitReady(Duration.ofSeconds(90));

        // The version Kafka registers as kafka.server:type=app-info, read by the launcher.
        assertThat(broker.probe("/readyz").body()).contains("\"kafkaVersion\":\"4.3.1\"");
        assertThat(broker.log()).contains("metadata.version 4.3-");
        // The rule file holds for the previous version's MBeans too.
        assertThat(broker.scrapeMetrics().names())
                .containsAll(MetricsEndpointIT.BROKER_SERIES)
                .containsAll(MetricsEndpointIT.CONTROLLER_SERIES)
                .containsAll(MetricsEndpointIT.JVM_SERIES);

        List<String> values = KafkaClients.values("old", 50);
        KafkaClients.createTopic(pool.bootstrapServers(), "previous", 1, (short) 1, Map.of());
        KafkaClients.produce(pool.bootstrapServers(), "previous", values);
        assertThat(
                        KafkaClients.consume(
                                pool.bootstrapServers(), "previous", 50, Duration.ofSeconds(30)))
                .containsExactlyElementsOf(values);
        broker.assertExitedCleanly(broker.stop(Duration.ofSeconds(60)));
    }
}
