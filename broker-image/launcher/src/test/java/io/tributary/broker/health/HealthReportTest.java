package io.tributary.broker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.config.NodeRole;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The readiness endpoint's JSON body. */
class HealthReportTest {
    @Test
    void rendersTheDecisionAndTheMetricsAsJson() {
        HealthReport report =
                new HealthReport(
                        new Readiness(true, true, "broker is RUNNING"),
                        7,
                        Set.of(NodeRole.CONTROLLER, NodeRole.BROKER),
                        new NodeMetrics(
                                Optional.of(3),
                                Optional.of("leader"),
                                Optional.of(7),
                                Optional.of("4.4.0")));

        assertThat(report.toJson())
                .isEqualTo(
                        "{\"ready\":true,\"live\":true,\"reason\":\"broker is"
                            + " RUNNING\",\"nodeId\":7,"
                            + "\"roles\":[\"broker\",\"controller\"],\"kafkaVersion\":\"4.4.0\","
                            + "\"brokerState\":3,\"raftState\":\"leader\",\"raftLeader\":7}");
    }

    @Test
    void rendersMissingMetricsAsNull() {
        HealthReport report =
                new HealthReport(
                        new Readiness(true, false, "Kafka is not started yet"),
                        0,
                        Set.of(NodeRole.BROKER),
                        NodeMetrics.NONE);

        assertThat(report.toJson())
                .contains(
                        "\"ready\":false",
                        "\"kafkaVersion\":null,\"brokerState\":null,\"raftState\":null,\"raftLeader\":null");
    }

    @Test
    void escapesText() {
        assertThat(HealthReport.quote("a \"b\" \\ c\n\u0001"))
                .isEqualTo("\"a \\\"b\\\" \\\\ c\\n\\u0001\"");
    }
}
