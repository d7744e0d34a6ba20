package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One combined broker+controller node from the Kafka 4.4.0 distribution: it becomes ready, keeps
 * acknowledged records, stops cleanly on SIGTERM and restarts on its data without reformatting.
 */
class SingleNodeBrokerIT {
    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final NodePool pool =
            NodePool.combined("single", BrokerDistribution.of("4.4.0"), List.of("127.0.0.1"));

    @AfterEach
    void killBrokers() {
        pool.close();
    }

    @Test
    void keepsRecordsAcrossARestartWithoutReformatting() throws Exception {
        BrokerProcess first = pool.start(0);
        assertThat(first.probe("/readyz").status()).isIn(0, 503);
        first.awaitReady(READY);
        assertThat(first.probe("/healthz").status()).isEqualTo(200);
        assertThat(first.probe("/readyz").body())
                .contains("\"ready\":true", "\"kafkaVersion\":\"4.4.0\"", "\"brokerState\":3");

        List<String> values = KafkaClients.values("record", 200);
        KafkaClients.createTopic(pool.bootstrapServers(), "roundtrip", 2, (short) 1, Map.of());
        KafkaClients.produce(pool.bootstrapServers(), "roundtrip", values);
        assertThat(
                        KafkaClients.consume(
                                pool.bootstrapServers(), "roundtrip", 200, Duration.ofSeconds(30)))
                .containsExactlyInAnyOrderElementsOf(values);

        assertThat(pool.renderedConfig(0))
                .content()
                .contains("node.id=0\n", "log.dirs=" + pool.dataDir(0) + "/kafka-log\n")
                .endsWith("log.cleaner.dedupe.buffer.size=33554432\n");

        byte[] meta = Files.readAllBytes(pool.metaProperties(0));
        first.assertExitedCleanly(first.stop(STOP));
        assertThat(first.log())
                .contains("Formatting dynamic metadata voter directory")
                .contains("Beginning controlled shutdown")
                .contains("Termination requested");

        BrokerProcess second = pool.start(0);
        second.awaitReady(READY);
        assertThat(second.log())
                .contains("All log directories are already formatted")
                .doesNotContain("Running kafka-storage");
        assertThat(Files.readAllBytes(pool.metaProperties(0))).isEqualTo(meta);
        assertThat(
                        KafkaClients.consume(
                                pool.bootstrapServers(), "roundtrip", 200, Duration.ofSeconds(30)))
                .containsExactlyInAnyOrderElementsOf(values);
        second.assertExitedCleanly(second.stop(STOP));
    }

    @Test
    void bootsWithA128MiBHeap() {
        // Kafka's default 128 MiB dedupe buffer would take all of it: OutOfMemoryError at start.
        BrokerProcess broker =
                pool.start(0, Map.of("TRIBUTARY_JVM_OPTS", NodePool.jvmOptions("128m")));
        broker.awaitReady(READY);

        assertThat(pool.renderedConfig(0))
                .content()
                .endsWith("log.cleaner.dedupe.buffer.size=16777216\n");
        broker.assertExitedCleanly(broker.stop(STOP));
    }

    @Test
    void exitsNonZeroWhenKafkaFails() {
        BrokerProcess first = pool.start(0);
        first.awaitReady(READY);
        first.assertExitedCleanly(first.stop(STOP));

        // Another node id on the same disk: Kafka refuses to start, and so the pod must fail.
        BrokerProcess impostor = pool.start(0, Map.of("TRIBUTARY_NODE_ID_BASE", "7"));
        int status = impostor.awaitExit(STOP);

        assertThat(status).as(impostor.logTail()).isNotZero();
        assertThat(impostor.log()).contains("Exiting Kafka due to fatal exception");
    }

    @Test
    void exitsNonZeroOnAnUnresolvedPlaceholder() {
        String config = pool.templateWith("broker.rack=${TRIBUTARY_RACK}").toString();
        BrokerProcess broker = pool.start(0, Map.of("TRIBUTARY_CONFIG_DIR", config));

        assertThat(broker.awaitExit(STOP)).isEqualTo(1);
        assertThat(broker.log()).contains("unresolved placeholders: ${TRIBUTARY_RACK}");
    }
}
