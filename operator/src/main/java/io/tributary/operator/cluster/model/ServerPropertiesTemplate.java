package io.tributary.operator.cluster.model;

import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.api.v1alpha1.cluster.ReplicationSpec;
import io.tributary.operator.security.BrokerSecurityConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code server.properties} template of a pool, as the broker launcher reads it: one template
 * for every pod of the pool, with {@code ${...}} placeholders the launcher fills per node (node id,
 * pod address and DNS name, rack, data directory).
 *
 * <p>Listeners: {@code CONTROLLER} (KRaft, port 9090) on controllers, {@code REPLICATION}
 * (inter-broker, 9091) on brokers, and one per {@code spec.listeners} entry on brokers, named after
 * it in upper case. Replication defaults come from {@code spec.replication}, including the internal
 * topics' (consumer offsets, transactions, share groups), so that consumer groups and transactions
 * work on the cluster as sized. A secured cluster's listener security and authorizer come from
 * {@link BrokerSecurityConfig}. User config comes last, sorted.
 */
public final class ServerPropertiesTemplate {
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    public static final String REPLICATION_LISTENER = "REPLICATION";

    private ServerPropertiesTemplate() {}

    /** The template's properties, in the order they are written. */
    public static Map<String, String> properties(
            KafkaClusterSpec spec, NodePool pool, List<String> controllerQuorumAddresses) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", pool.processRoles());
        p.put("node.id", "${TRIBUTARY_NODE_ID}");
        p.put("controller.quorum.bootstrap.servers", String.join(",", controllerQuorumAddresses));
        p.put("controller.listener.names", CONTROLLER_LISTENER);

        List<String> listeners = new ArrayList<>();
        List<String> advertised = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        String internal = BrokerSecurityConfig.internalProtocol(spec);
        List<String> internalListeners = new ArrayList<>();
        internalListeners.add(CONTROLLER_LISTENER);
        if (pool.isController()) {
            addListener(
                    CONTROLLER_LISTENER,
                    NodePorts.CONTROLLER,
                    internal,
                    listeners,
                    advertised,
                    protocols);
        }
        List<ListenerSpec> served = pool.isBroker() ? spec.getListeners() : List.of();
        if (pool.isBroker()) {
            internalListeners.add(REPLICATION_LISTENER);
            addListener(
                    REPLICATION_LISTENER,
                    NodePorts.REPLICATION,
                    internal,
                    listeners,
                    advertised,
                    protocols);
            for (ListenerSpec listener : served) {
                addListener(
                        kafkaName(listener),
                        listener.getPort(),
                        BrokerSecurityConfig.protocol(listener),
                        listeners,
                        advertised,
                        protocols);
            }
        }
        if (!pool.isController()) {
            // Brokers reach the controllers through this listener name: Kafka needs its protocol.
            protocols.add(0, CONTROLLER_LISTENER + ":" + internal);
        }
        p.put("listeners", String.join(",", listeners));
        p.put("advertised.listeners", String.join(",", advertised));
        p.put("listener.security.protocol.map", String.join(",", protocols));
        if (pool.isBroker()) {
            p.put("inter.broker.listener.name", REPLICATION_LISTENER);
        }
        p.putAll(BrokerSecurityConfig.listeners(spec, internalListeners, served));
        p.putAll(BrokerSecurityConfig.authorizer(spec));
        p.put("log.dirs", "${TRIBUTARY_DATA_DIR}/kafka-log");
        if (spec.getRack() != null && pool.isBroker()) {
            p.put("broker.rack", "${TRIBUTARY_RACK}");
        }
        if (pool.isBroker()) {
            p.putAll(replication(spec.getReplication()));
        }
        p.putAll(new TreeMap<>(spec.getConfig()));
        return p;
    }

    /** The template as the file the launcher reads. */
    public static String render(
            KafkaClusterSpec spec, NodePool pool, List<String> controllerQuorumAddresses) {
        return PropertiesWriter.write(properties(spec, pool, controllerQuorumAddresses));
    }

    /** The replication settings a cluster's brokers get from {@code spec.replication}. */
    static Map<String, String> replication(ReplicationSpec replication) {
        int factor = replication.getDefaultReplicationFactor();
        int minIsr = replication.getMinInSyncReplicas();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("default.replication.factor", Integer.toString(factor));
        p.put("min.insync.replicas", Integer.toString(minIsr));
        p.put(
                "unclean.leader.election.enable",
                Boolean.toString(replication.isUncleanLeaderElection()));
        p.put("offsets.topic.replication.factor", Integer.toString(factor));
        p.put("transaction.state.log.replication.factor", Integer.toString(factor));
        p.put("transaction.state.log.min.isr", Integer.toString(minIsr));
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(factor));
        p.put("share.coordinator.state.topic.min.isr", Integer.toString(minIsr));
        return p;
    }

    /** The Kafka listener name of a user's listener: its name in upper case. */
    public static String kafkaName(ListenerSpec listener) {
        return listener.getName().toUpperCase(java.util.Locale.ROOT);
    }

    private static void addListener(
            String name,
            int port,
            String protocol,
            List<String> listeners,
            List<String> advertised,
            List<String> protocols) {
        listeners.add(name + "://${POD_IP}:" + port);
        advertised.add(name + "://${TRIBUTARY_POD_FQDN}:" + port);
        protocols.add(name + ":" + protocol);
    }
}
