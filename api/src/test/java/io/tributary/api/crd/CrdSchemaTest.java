package io.tributary.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every generated CRD must carry: descriptions, printer columns, status and CEL rules. */
class CrdSchemaTest {
    @ParameterizedTest
    @FieldSource("io.tributary.api.crd.CrdFinisher#KINDS")
    void everyPropertyHasADescription(Class<?> kind) {
        JsonNode schema = openApiSchema(kind);
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "", undescribed);
        assertThat(undescribed)
                .as("properties of %s without a description", CrdFinisher.fileName(kind))
                .isEmpty();
    }

    @ParameterizedTest
    @FieldSource("io.tributary.api.crd.CrdFinisher#KINDS")
    void hasStatusSubresourceShortNameAndReadyColumn(Class<?> kind) {
        JsonNode crd = GeneratedCrds.read(GeneratedCrds.built(kind));
        JsonNode version = crd.path("spec").path("versions").get(0);
        assertThat(crd.path("spec").path("scope").asText()).isEqualTo("Namespaced");
        assertThat(version.path("subresources").has("status")).isTrue();
        assertThat(crd.path("spec").path("names").path("shortNames")).hasSize(1);
        List<String> columns =
                StreamSupport.stream(version.path("additionalPrinterColumns").spliterator(), false)
                        .map(c -> c.path("name").asText())
                        .toList();
        assertThat(columns).contains("Ready").endsWith("Age");
    }

    @Test
    void printerColumnsAreInTheDeclaredOrder() {
        assertThat(columnNames(KafkaCluster.class))
                .containsExactly("Ready", "Brokers", "Kafka", "Reason", "Age");
        assertThat(columnNames(KafkaTopic.class))
                .containsExactly(
                        "Cluster",
                        "Topic",
                        "Partitions",
                        "Replication factor",
                        "Ready",
                        "Reason",
                        "Age");
        assertThat(columnNames(KafkaUser.class))
                .containsExactly("Cluster", "Authentication", "Ready", "Reason", "Age");
    }

    @Test
    void shortNamesAreKcKtKu() {
        assertThat(shortName(KafkaCluster.class)).isEqualTo("kc");
        assertThat(shortName(KafkaTopic.class)).isEqualTo("kt");
        assertThat(shortName(KafkaUser.class)).isEqualTo("ku");
    }

    @Test
    void reservedListenerPortsRuleMatchesTheModel() {
        JsonNode port =
                openApiSchema(KafkaCluster.class)
                        .at("/properties/spec/properties/listeners/items/properties/port");
        String rule = port.path("x-kubernetes-validations").get(0).path("rule").asText();
        for (int reserved : ListenerSpec.RESERVED_PORTS) {
            assertThat(rule).contains(Integer.toString(reserved));
        }
        JsonNode name =
                openApiSchema(KafkaCluster.class)
                        .at("/properties/spec/properties/listeners/items/properties/name");
        String nameRule = name.path("x-kubernetes-validations").get(0).path("rule").asText();
        for (String reserved : ListenerSpec.RESERVED_NAMES) {
            assertThat(nameRule).contains("'" + reserved + "'");
        }
    }

    @ParameterizedTest
    @FieldSource("io.tributary.api.crd.CrdFinisher#KINDS")
    void everyListWithCelRulesIsBounded(Class<?> kind) {
        // The API server rejects a CRD whose rules' estimated cost is unbounded; every array or
        // map that a rule iterates needs maxItems or maxProperties.
        List<String> unbounded = new ArrayList<>();
        collectUnboundedRuleTargets(openApiSchema(kind), "", unbounded);
        assertThat(unbounded).isEmpty();
    }

    private static JsonNode openApiSchema(Class<?> kind) {
        return GeneratedCrds.read(GeneratedCrds.built(kind))
                .path("spec")
                .path("versions")
                .get(0)
                .path("schema")
                .path("openAPIV3Schema");
    }

    private static List<String> columnNames(Class<?> kind) {
        JsonNode version =
                GeneratedCrds.read(GeneratedCrds.built(kind)).path("spec").path("versions").get(0);
        return StreamSupport.stream(version.path("additionalPrinterColumns").spliterator(), false)
                .map(c -> c.path("name").asText())
                .toList();
    }

    private static String shortName(Class<?> kind) {
        return GeneratedCrds.read(GeneratedCrds.built(kind))
                .path("spec")
                .path("names")
                .path("shortNames")
                .get(0)
                .asText();
    }

    private static void collectUndescribed(JsonNode schema, String path, List<String> out) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String propertyPath = path + "." + property.getKey();
            if (!property.getValue().hasNonNull("description")
                    || property.getValue().path("description").asText().isBlank()) {
                out.add(propertyPath);
            }
            collectUndescribed(property.getValue(), propertyPath, out);
        }
        if (schema.has("items")) {
            collectUndescribed(schema.path("items"), path + "[]", out);
        }
        if (schema.path("additionalProperties").isObject()) {
            collectUndescribed(schema.path("additionalProperties"), path + "{}", out);
        }
    }

    private static void collectUnboundedRuleTargets(
            JsonNode schema, String path, List<String> out) {
        boolean iterates =
                StreamSupport.stream(schema.path("x-kubernetes-validations").spliterator(), false)
                        .map(r -> r.path("rule").asText())
                        .anyMatch(r -> r.contains("self.all(") || r.contains("self.exists"));
        if (iterates) {
            String type = schema.path("type").asText();
            if (type.equals("array") && !schema.has("maxItems")) {
                out.add(path + " (array without maxItems)");
            }
            if (type.equals("object") && !schema.has("maxProperties")) {
                out.add(path + " (map without maxProperties)");
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            collectUnboundedRuleTargets(property.getValue(), path + "." + property.getKey(), out);
        }
        if (schema.has("items")) {
            collectUnboundedRuleTargets(schema.path("items"), path + "[]", out);
        }
    }
}
