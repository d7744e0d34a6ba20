package io.tributary.sandbox.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid resources a user could write, each rejected by the CRD's schema or a CEL rule with an
 * error naming the field. Each case starts from an example that is valid and changes one thing;
 * update cases change a stored object.
 */
class InvalidResourceCatalogueTest {
    private static final Map<String, JsonNode> CRDS = RepositoryFiles.crdsByKind();
    private static final CrdSchemaAdmission ADMISSION = new CrdSchemaAdmission();

    /** One invalid resource: where it starts, what is changed, and the error expected. */
    record Case(
            String description,
            String example,
            boolean update,
            Consumer<ObjectNode> change,
            String field,
            String message) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> catalogue() {
        return Stream.of(
                // KafkaCluster
                create(
                        "brokers.replicas 0",
                        CLUSTER,
                        set("/spec/brokers/replicas", "0"),
                        "spec.brokers.replicas",
                        "should be greater than or equal to 1"),
                create(
                        "even controller count",
                        CLUSTER_DEDICATED,
                        set("/spec/controllers/replicas", "2"),
                        "spec.controllers.replicas",
                        "must be 1, 3 or 5"),
                create(
                        "combined mode with 4 nodes",
                        CLUSTER,
                        set("/spec/brokers/replicas", "4"),
                        "spec.brokers.replicas",
                        "combined mode"),
                create(
                        "minInSyncReplicas above defaultReplicationFactor",
                        CLUSTER,
                        set(
                                "/spec/replication",
                                "{defaultReplicationFactor: 2, minInSyncReplicas: 3}"),
                        "spec.replication.minInSyncReplicas",
                        "must not exceed defaultReplicationFactor"),
                create(
                        "defaultReplicationFactor above the broker count",
                        CLUSTER,
                        set("/spec/replication/defaultReplicationFactor", "5"),
                        "spec.replication.defaultReplicationFactor",
                        "must not exceed spec.brokers.replicas"),
                create(
                        "duplicate listener names",
                        CLUSTER,
                        set(
                                "/spec/listeners",
                                "[{name: plain, port: 9092}, {name: plain, port: 9093}]"),
                        "spec.listeners",
                        "listener names must be unique"),
                create(
                        "duplicate listener ports",
                        CLUSTER,
                        set("/spec/listeners", "[{name: a, port: 9092}, {name: b, port: 9092}]"),
                        "spec.listeners",
                        "listener ports must be unique"),
                create(
                        "unknown listener authentication",
                        CLUSTER,
                        set("/spec/listeners/0/authentication", "kerberos"),
                        "spec.listeners[0].authentication",
                        "supported values: \"none\", \"scram-sha-512\", \"tls\""),
                create(
                        "tls authentication on a plain listener",
                        CLUSTER,
                        set("/spec/listeners/0/authentication", "tls"),
                        "spec.listeners[0].authentication",
                        "needs tls: true"),
                create(
                        "reserved listener port",
                        CLUSTER,
                        set("/spec/listeners/0/port", "9090"),
                        "spec.listeners[0].port",
                        "is reserved"),
                create(
                        "privileged listener port",
                        CLUSTER,
                        set("/spec/listeners/0/port", "80"),
                        "spec.listeners[0].port",
                        "greater than or equal to 1024"),
                create(
                        "operator's listener name",
                        CLUSTER,
                        set("/spec/listeners/0/name", "controller"),
                        "spec.listeners[0].name",
                        "operator's own listener names"),
                create(
                        "listener name with capitals",
                        CLUSTER,
                        set("/spec/listeners/0/name", "Plain"),
                        "spec.listeners[0].name",
                        "should match"),
                create(
                        "no listener",
                        CLUSTER,
                        set("/spec/listeners", "[]"),
                        "spec.listeners",
                        "should have at least 1 items"),
                create(
                        "operator-owned config key node.id",
                        CLUSTER,
                        set("/spec/config/node.id", "'7'"),
                        "spec.config",
                        "must not set keys that the operator manages: node.id"),
                create(
                        "operator-owned config key listeners",
                        CLUSTER,
                        set("/spec/config/listeners", "PLAINTEXT://:9092"),
                        "spec.config",
                        "listeners"),
                create(
                        "replication key in config",
                        CLUSTER,
                        set("/spec/config/min.insync.replicas", "'1'"),
                        "spec.config",
                        "set spec.replication instead"),
                create(
                        "per-listener config key",
                        CLUSTER,
                        set("/spec/config/listener.name.plain.ssl.client.auth", "required"),
                        "spec.config",
                        "listener.name"),
                create(
                        "config value that is not a string",
                        CLUSTER,
                        set("/spec/config/log.retention.hours", "168"),
                        "spec.config.log.retention.hours",
                        "must be of type string"),
                create(
                        "missing brokers",
                        CLUSTER,
                        remove("/spec/brokers"),
                        "spec.brokers",
                        "Required value"),
                create(
                        "unsupported Kafka version",
                        CLUSTER,
                        set("/spec/kafkaVersion", "'3.9.0'"),
                        "spec.kafkaVersion",
                        "supported values: \"4.3.1\", \"4.4.0\""),
                create(
                        "persistent storage without size",
                        CLUSTER,
                        set("/spec/brokers/storage", "{type: persistent}"),
                        "spec.brokers.storage.size",
                        "is required for persistent storage"),
                create(
                        "storage size that is not a quantity",
                        CLUSTER,
                        set("/spec/brokers/storage/size", "10 GB"),
                        "spec.brokers.storage.size",
                        "should match"),
                create(
                        "unknown storage type",
                        CLUSTER,
                        set("/spec/brokers/storage/type", "hostPath"),
                        "spec.brokers.storage.type",
                        "Unsupported value"),
                create(
                        "heap that is not a JVM size",
                        CLUSTER,
                        set("/spec/brokers/jvmOptions/heap", "lots"),
                        "spec.brokers.jvmOptions.heap",
                        "should match"),
                create(
                        "certificate validity without a unit",
                        CLUSTER,
                        set("/spec/certificates", "{validity: '365'}"),
                        "spec.certificates.validity",
                        "should match"),
                create(
                        "certificate validity in days",
                        CLUSTER,
                        set("/spec/certificates", "{validity: 365d}"),
                        "spec.certificates.validity",
                        "should match"),
                create(
                        "zero certificate validity",
                        CLUSTER,
                        set("/spec/certificates", "{validity: 0h}"),
                        "spec.certificates.validity",
                        "should match"),
                create(
                        "renewBefore not shorter than validity",
                        CLUSTER,
                        set("/spec/certificates", "{validity: 24h, renewBefore: 1440m}"),
                        "spec.certificates.renewBefore",
                        "must be shorter than validity"),
                create(
                        "caRenewBefore longer than caValidity",
                        CLUSTER,
                        set("/spec/certificates", "{caValidity: 720h, caRenewBefore: 800h}"),
                        "spec.certificates.caRenewBefore",
                        "must be shorter than caValidity"),
                create(
                        "negative caRenewBefore",
                        CLUSTER,
                        set("/spec/certificates", "{caRenewBefore: -5h}"),
                        "spec.certificates.caRenewBefore",
                        "should match"),
                create(
                        "CA secret name Kubernetes refuses",
                        CLUSTER,
                        set("/spec/certificates", "{clusterCaSecret: My_CA}"),
                        "spec.certificates.clusterCaSecret",
                        "should match"),
                create(
                        "empty clients CA secret name",
                        CLUSTER,
                        set("/spec/certificates", "{clientsCaSecret: ''}"),
                        "spec.certificates.clientsCaSecret",
                        "should be at least 1 chars long"),
                create(
                        "ssl.principal.mapping.rules in config",
                        CLUSTER,
                        set("/spec/config/ssl.principal.mapping.rules", "DEFAULT"),
                        "spec.config",
                        "ssl.principal.mapping.rules"),
                create(
                        "super users without authorization",
                        CLUSTER,
                        set("/spec/authorization", "{type: none, superUsers: ['User:admin']}"),
                        "spec.authorization.superUsers",
                        "needs type: simple"),
                create(
                        "super user that is not a principal",
                        CLUSTER,
                        set("/spec/authorization", "{type: simple, superUsers: [admin]}"),
                        "spec.authorization.superUsers[0]",
                        "should match"),
                create(
                        "malformed metadataVersion",
                        CLUSTER,
                        set("/spec/metadataVersion", "latest"),
                        "spec.metadataVersion",
                        "should match"),
                create(
                        "rebalance throttle too small",
                        CLUSTER,
                        set("/spec/rebalance/throttleBytesPerSecond", "10"),
                        "spec.rebalance.throttleBytesPerSecond",
                        "greater than or equal to 1024"),
                create(
                        "no partitions moving at a time",
                        CLUSTER,
                        set("/spec/rebalance/batchSize", "0"),
                        "spec.rebalance.batchSize",
                        "greater than or equal to 1"),
                create(
                        "too many partitions moving at a time",
                        CLUSTER,
                        set("/spec/rebalance/batchSize", "5000"),
                        "spec.rebalance.batchSize",
                        "less than or equal to 1000"),
                create(
                        "a batch size that is not a number",
                        CLUSTER,
                        set("/spec/rebalance/batchSize", "'ten'"),
                        "spec.rebalance.batchSize",
                        "Invalid value"),
                create(
                        "negative pause between restarts",
                        CLUSTER,
                        set("/spec/rollout/pauseSeconds", "-1"),
                        "spec.rollout.pauseSeconds",
                        "greater than or equal to 0"),
                create(
                        "pause between restarts over an hour",
                        CLUSTER,
                        set("/spec/rollout/pauseSeconds", "3601"),
                        "spec.rollout.pauseSeconds",
                        "less than or equal to 3600"),
                create(
                        "roll reported stalled too soon",
                        CLUSTER,
                        set("/spec/rollout/stalledAfterSeconds", "10"),
                        "spec.rollout.stalledAfterSeconds",
                        "greater than or equal to 30"),
                create(
                        "pause between restarts as a duration string",
                        CLUSTER,
                        set("/spec/rollout/pauseSeconds", "30s"),
                        "spec.rollout.pauseSeconds",
                        "must be of type integer"),
                create(
                        "rack by rack as a word",
                        CLUSTER,
                        set("/spec/rollout/rackByRack", "sometimes"),
                        "spec.rollout.rackByRack",
                        "must be of type boolean"),
                update(
                        "changing the storage type",
                        CLUSTER,
                        set("/spec/brokers/storage", "{type: persistent, size: 1Gi}"),
                        "spec.brokers.storage.type",
                        "Forbidden: cannot be changed"),
                update(
                        "adding dedicated controllers",
                        CLUSTER,
                        set("/spec/controllers", "{replicas: 3, storage: {type: ephemeral}}"),
                        "spec.controllers",
                        "Forbidden: cannot be added or removed"),
                // KafkaTopic
                create(
                        "negative partitions",
                        TOPIC,
                        set("/spec/partitions", "-1"),
                        "spec.partitions",
                        "should be greater than or equal to 1"),
                create(
                        "zero partitions",
                        TOPIC,
                        set("/spec/partitions", "0"),
                        "spec.partitions",
                        "should be greater than or equal to 1"),
                create(
                        "zero replication factor",
                        TOPIC,
                        set("/spec/replicationFactor", "0"),
                        "spec.replicationFactor",
                        "should be greater than or equal to 1"),
                create(
                        "missing clusterRef",
                        TOPIC,
                        remove("/spec/clusterRef"),
                        "spec.clusterRef",
                        "Required value"),
                update(
                        "changing clusterRef",
                        TOPIC,
                        set("/spec/clusterRef/name", "other-cluster"),
                        "spec.clusterRef",
                        "Forbidden: cannot be changed"),
                create(
                        "a replication throttle the operator owns",
                        TOPIC,
                        set("/spec/config", "{follower.replication.throttled.replicas: '0:1'}"),
                        "spec.config",
                        "Forbidden: must not set leader.replication.throttled.replicas"),
                create(
                        "topic name with a space",
                        TOPIC,
                        set("/spec/topicName", "my topic"),
                        "spec.topicName",
                        "should match"),
                create(
                        "topic name '..'",
                        TOPIC,
                        set("/spec/topicName", "'..'"),
                        "spec.topicName",
                        "must not be '.' or '..'"),
                create(
                        "topic name too long",
                        TOPIC,
                        set("/spec/topicName", "t".repeat(250)),
                        "spec.topicName",
                        "Too long"),
                update(
                        "renaming the topic",
                        TOPIC,
                        set("/spec/topicName", "orders-v2"),
                        "spec.topicName",
                        "Forbidden: cannot be changed"),
                create(
                        "unknown deletion policy",
                        TOPIC,
                        set("/spec/deletionPolicy", "Keep"),
                        "spec.deletionPolicy",
                        "supported values: \"Delete\", \"Retain\""),
                create(
                        "resource name Kubernetes refuses",
                        TOPIC,
                        set("/metadata/name", "Orders_Topic"),
                        "metadata.name",
                        "RFC 1123"),
                // KafkaUser
                create(
                        "unknown authentication type",
                        USER,
                        set("/spec/authentication/type", "plain"),
                        "spec.authentication.type",
                        "supported values: \"scram-sha-512\", \"tls\""),
                create(
                        "missing authentication",
                        USER,
                        remove("/spec/authentication"),
                        "spec.authentication",
                        "Required value"),
                create(
                        "password secret on a tls user",
                        USER,
                        set(
                                "/spec/authentication",
                                "{type: tls, passwordSecretRef: {name: s, key: password}}"),
                        "spec.authentication.passwordSecretRef",
                        "applies to scram-sha-512 users only"),
                create(
                        "Write on a group",
                        USER,
                        set("/spec/authorization/acls/1/operations", "[Read, Write]"),
                        "spec.authorization.acls[1].operations",
                        "not valid on a group: Write"),
                create(
                        "IdempotentWrite on a topic",
                        USER,
                        set("/spec/authorization/acls/0/operations", "[IdempotentWrite]"),
                        "spec.authorization.acls[0].operations",
                        "not valid on a topic: IdempotentWrite"),
                create(
                        "unknown ACL operation",
                        USER,
                        set("/spec/authorization/acls/0/operations", "[Publish]"),
                        "spec.authorization.acls[0].operations[0]",
                        "Unsupported value: \"Publish\""),
                create(
                        "no ACL operation",
                        USER,
                        set("/spec/authorization/acls/0/operations", "[]"),
                        "spec.authorization.acls[0].operations",
                        "should have at least 1 items"),
                create(
                        "cluster ACL with a name",
                        USER,
                        set("/spec/authorization/acls/3/resource/name", "my-cluster"),
                        "spec.authorization.acls[3].resource.name",
                        "must be absent for the cluster"),
                create(
                        "topic ACL without a name",
                        USER,
                        remove("/spec/authorization/acls/0/resource/name"),
                        "spec.authorization.acls[0].resource.name",
                        "is required for topic"),
                create(
                        "unknown ACL permission",
                        USER,
                        set("/spec/authorization/acls/0/permission", "maybe"),
                        "spec.authorization.acls[0].permission",
                        "supported values: \"allow\", \"deny\""),
                create(
                        "negative byte-rate quota",
                        USER,
                        set("/spec/quotas/producerByteRate", "-1"),
                        "spec.quotas.producerByteRate",
                        "should be greater than or equal to 0"),
                update(
                        "changing the user's clusterRef",
                        USER,
                        set("/spec/clusterRef/name", "other"),
                        "spec.clusterRef",
                        "Forbidden: cannot be changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRejectedNamingTheField(Case invalid) throws Exception {
        ObjectNode valid =
                RepositoryFiles.documents(RepositoryFiles.root().resolve(invalid.example())).get(0);
        JsonNode crd = CRDS.get(valid.path("kind").asText());
        ObjectNode old = null;
        if (invalid.update) {
            old = ADMISSION.admit(crd, valid, null, FieldValidation.STRICT).object();
        }
        ObjectNode changed = valid.deepCopy();
        invalid.change.accept(changed);

        ObjectNode stored = old;
        AdmissionRejected rejected =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () -> ADMISSION.admit(crd, changed, stored, FieldValidation.STRICT));

        assertThat(rejected).as("%s should be rejected", invalid).isNotNull();
        assertThat(rejected.code()).isEqualTo(422);
        assertThat(rejected.causes())
                .as("errors of %s: %s", invalid, rejected.getMessage())
                .anySatisfy(
                        cause -> {
                            assertThat(cause.field()).isEqualTo(invalid.field);
                            assertThat(cause.message()).contains(invalid.message);
                        });
        assertThat(rejected.getMessage()).contains(invalid.field + ": ");
    }

    static final String CLUSTER = "examples/kafka-cluster.yaml";
    static final String CLUSTER_DEDICATED = "examples/kafka-cluster-production.yaml";
    static final String TOPIC = "examples/kafka-topic.yaml";
    static final String USER = "examples/kafka-user-scram.yaml";

    private static Case create(
            String description,
            String example,
            Consumer<ObjectNode> change,
            String field,
            String message) {
        return new Case(description, example, false, change, field, message);
    }

    private static Case update(
            String description,
            String example,
            Consumer<ObjectNode> change,
            String field,
            String message) {
        return new Case("update: " + description, example, true, change, field, message);
    }

    /** Sets the field at a JSON pointer to a value written in YAML, creating parents. */
    private static Consumer<ObjectNode> set(String pointer, String yaml) {
        JsonNode value = RepositoryFiles.documentsOrScalar(yaml);
        return object -> {
            List<String> parts = List.of(pointer.substring(1).split("/"));
            JsonNode parent = object;
            for (String part : parts.subList(0, parts.size() - 1)) {
                JsonNode child =
                        parent.isArray() ? parent.get(Integer.parseInt(part)) : parent.get(part);
                if (child == null) {
                    child = ((ObjectNode) parent).putObject(part);
                }
                parent = child;
            }
            String last = parts.get(parts.size() - 1);
            if (parent.isArray()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) parent)
                        .set(Integer.parseInt(last), value);
            } else {
                ((ObjectNode) parent).set(last, value);
            }
        };
    }

    private static Consumer<ObjectNode> remove(String pointer) {
        return object -> {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = object.at(pointer.substring(0, slash));
            ((ObjectNode) parent).remove(pointer.substring(slash + 1));
        };
    }
}
