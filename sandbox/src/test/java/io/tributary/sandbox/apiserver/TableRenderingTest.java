package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JSONPath subset of printer columns and the ages kubectl shows. */
class TableRenderingTest {
    private static final JsonNode TOPIC =
            read(
                    """
                    {"spec":{"clusterRef":{"name":"c"},"partitions":3},
                     "status":{"conditions":[{"type":"Reconciling","status":"False"},{"type":"Ready","status":"True","reason":"Ok"}]}}
                    """);

    @Test
    void jsonPathOfPrinterColumns() {
        assertThat(JsonPathQuery.evaluate(TOPIC, ".spec.clusterRef.name"))
                .extracting(JsonNode::asText)
                .containsExactly("c");
        assertThat(JsonPathQuery.evaluate(TOPIC, ".status.conditions[?(@.type==\"Ready\")].status"))
                .extracting(JsonNode::asText)
                .containsExactly("True");
        assertThat(JsonPathQuery.evaluate(TOPIC, "{.status.conditions[?(@.type!='Ready')].type}"))
                .extracting(JsonNode::asText)
                .containsExactly("Reconciling");
        assertThat(JsonPathQuery.evaluate(TOPIC, ".status.conditions[1].reason"))
                .extracting(JsonNode::asText)
                .containsExactly("Ok");
        assertThat(JsonPathQuery.evaluate(TOPIC, ".status.conditions[*].type")).hasSize(2);
        assertThat(JsonPathQuery.evaluate(TOPIC, "$.spec['partitions']"))
                .extracting(JsonNode::asInt)
                .containsExactly(3);
        assertThat(JsonPathQuery.evaluate(TOPIC, ".status.missing")).isEmpty();
    }

    @Test
    void printerColumnCellsFollowTheirType() {
        TableColumn integer =
                TableColumn.printerColumn(
                        read(
                                "{\"name\":\"P\",\"type\":\"integer\",\"jsonPath\":\".spec.partitions\"}"));
        TableColumn missing =
                TableColumn.printerColumn(
                        read(
                                "{\"name\":\"R\",\"type\":\"integer\",\"jsonPath\":\".status.replicas\"}"));

        assertThat(integer.cell().apply(TOPIC)).isEqualTo(3L);
        assertThat(missing.cell().apply(TOPIC)).isNull();
    }

    @Test
    void humanDurations() {
        assertThat(HumanDuration.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(HumanDuration.of(Duration.ofSeconds(330))).isEqualTo("5m30s");
        assertThat(HumanDuration.of(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(HumanDuration.of(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(HumanDuration.of(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(HumanDuration.of(Duration.ofHours(100))).isEqualTo("4d4h");
        assertThat(HumanDuration.of(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(HumanDuration.since("not a time")).isEqualTo("<unknown>");
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
