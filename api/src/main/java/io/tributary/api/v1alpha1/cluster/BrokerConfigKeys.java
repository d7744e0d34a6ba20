package io.tributary.api.v1alpha1.cluster;

/**
 * Broker configuration keys that users may not set in {@code spec.config}, as CEL list literals for
 * the CRD's validation rules.
 */
final class BrokerConfigKeys {
    /** Keys the operator computes per node or from the listeners, quorum, storage and security. */
    static final String OPERATOR_OWNED =
            "['node.id', 'broker.id', 'process.roles', 'listeners', 'advertised.listeners',"
                    + " 'listener.security.protocol.map', 'inter.broker.listener.name',"
                    + " 'security.inter.broker.protocol', 'controller.listener.names',"
                    + " 'controller.quorum.voters', 'controller.quorum.bootstrap.servers',"
                    + " 'log.dir', 'log.dirs', 'metadata.log.dir', 'broker.rack', 'super.users',"
                    + " 'authorizer.class.name', 'allow.everyone.if.no.acl.found',"
                    + " 'sasl.enabled.mechanisms', 'sasl.mechanism.inter.broker.protocol',"
                    + " 'sasl.mechanism.controller.protocol', 'ssl.keystore.location',"
                    + " 'ssl.keystore.password', 'ssl.keystore.type', 'ssl.key.password',"
                    + " 'ssl.truststore.location', 'ssl.truststore.password',"
                    + " 'ssl.truststore.type', 'ssl.client.auth', 'ssl.principal.mapping.rules']";

    /** Replication keys that {@code spec.replication} sets. */
    static final String REPLICATION =
            "['default.replication.factor', 'min.insync.replicas',"
                    + " 'unclean.leader.election.enable', 'offsets.topic.replication.factor',"
                    + " 'transaction.state.log.replication.factor',"
                    + " 'transaction.state.log.min.isr',"
                    + " 'share.coordinator.state.topic.replication.factor',"
                    + " 'share.coordinator.state.topic.min.isr']";

    private BrokerConfigKeys() {}
}
