package io.tributary.operator.security;

import io.tributary.api.v1alpha1.cluster.AuthorizationType;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerAuthentication;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security part of a node's {@code server.properties}: each listener's protocol, its key store
 * (the node's PEM file), trust store (the cluster or clients CA bundle) and SASL settings, and the
 * authorizer with its super users. Files are named through placeholders of the pod's environment,
 * which the launcher resolves. Pure.
 *
 * <table>
 *   <caption>Listener protocols</caption>
 *   <tr><th>listener</th><th>protocol</th></tr>
 *   <tr><td>controller, replication (secured cluster)</td><td>SSL, client certificate of the
 *       cluster CA required</td></tr>
 *   <tr><td>tls: false, authentication none</td><td>PLAINTEXT</td></tr>
 *   <tr><td>tls: false, scram-sha-512</td><td>SASL_PLAINTEXT</td></tr>
 *   <tr><td>tls: true, none</td><td>SSL</td></tr>
 *   <tr><td>tls: true, scram-sha-512</td><td>SASL_SSL</td></tr>
 *   <tr><td>tls: true, tls</td><td>SSL, client certificate of the clients CA required; the
 *       principal is the certificate's CN</td></tr>
 * </table>
 */
public final class BrokerSecurityConfig {
    public static final String NODE_CERTS_DIR_ENV = "TRIBUTARY_NODE_CERTS_DIR";
    public static final String CLUSTER_CA_DIR_ENV = "TRIBUTARY_CLUSTER_CA_DIR";
    public static final String CLIENTS_CA_DIR_ENV = "TRIBUTARY_CLIENTS_CA_DIR";
    public static final String STANDARD_AUTHORIZER =
            "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    public static final String SCRAM = "SCRAM-SHA-512";

    /** A client certificate's principal is its CN: {@code CN=alice} is {@code User:alice}. */
    static final String CN_MAPPING = "RULE:^CN=([^,]+)$/$1/,DEFAULT";

    static final String SCRAM_JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required;";

    private BrokerSecurityConfig() {}

    /** The protocol of one of the nodes' own listeners (controller, replication). */
    public static String internalProtocol(KafkaClusterSpec spec) {
        return ClusterTls.isSecured(spec) ? "SSL" : "PLAINTEXT";
    }

    /** The protocol of a user's listener. */
    public static String protocol(ListenerSpec listener) {
        boolean scram = listener.getAuthentication() == ListenerAuthentication.SCRAM_SHA_512;
        if (listener.isTls()) {
            return scram ? "SASL_SSL" : "SSL";
        }
        return scram ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }

    /**
     * The per-listener keys of a secured cluster's node: the nodes' own listeners it uses (as
     * server or as client), then the user listeners it serves.
     *
     * @param internalListeners Kafka names of the nodes' own listeners this node uses
     * @param userListeners the user listeners this node serves (brokers only)
     */
    public static Map<String, String> listeners(
            KafkaClusterSpec spec,
            List<String> internalListeners,
            List<ListenerSpec> userListeners) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!ClusterTls.isSecured(spec)) {
            return p;
        }
        for (String name : internalListeners) {
            String prefix = prefix(name);
            keyStore(p, prefix);
            p.put(prefix + "ssl.truststore.type", "PEM");
            p.put(prefix + "ssl.truststore.location", caBundle(CLUSTER_CA_DIR_ENV));
            p.put(prefix + "ssl.client.auth", "required");
        }
        for (ListenerSpec listener : userListeners) {
            String prefix = prefix(listener.getName());
            if (listener.isTls()) {
                keyStore(p, prefix);
            }
            if (listener.getAuthentication() == ListenerAuthentication.TLS) {
                p.put(prefix + "ssl.truststore.type", "PEM");
                p.put(prefix + "ssl.truststore.location", caBundle(CLIENTS_CA_DIR_ENV));
                p.put(prefix + "ssl.client.auth", "required");
                p.put(prefix + "ssl.principal.mapping.rules", CN_MAPPING);
            }
            if (listener.getAuthentication() == ListenerAuthentication.SCRAM_SHA_512) {
                p.put(prefix + "sasl.enabled.mechanisms", SCRAM);
                p.put(prefix + SCRAM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", SCRAM_JAAS);
            }
        }
        return p;
    }

    /** The authorizer and super users, when authorization is simple; empty otherwise. */
    public static Map<String, String> authorizer(KafkaClusterSpec spec) {
        Map<String, String> p = new LinkedHashMap<>();
        if (spec.getAuthorization() == null
                || spec.getAuthorization().getType() != AuthorizationType.SIMPLE) {
            return p;
        }
        List<String> superUsers = new ArrayList<>();
        superUsers.add(ClusterTls.NODE_PRINCIPAL);
        superUsers.add(ClusterTls.OPERATOR_PRINCIPAL);
        spec.getAuthorization().getSuperUsers().stream()
                .filter(u -> !superUsers.contains(u))
                .forEach(superUsers::add);
        p.put("authorizer.class.name", STANDARD_AUTHORIZER);
        p.put("super.users", String.join(";", superUsers));
        return p;
    }

    private static void keyStore(Map<String, String> p, String prefix) {
        p.put(prefix + "ssl.keystore.type", "PEM");
        p.put(prefix + "ssl.keystore.location", "${" + NODE_CERTS_DIR_ENV + "}/${POD_NAME}.pem");
    }

    private static String caBundle(String directoryEnv) {
        return "${" + directoryEnv + "}/" + ClusterTls.CA_CERT;
    }

    private static String prefix(String listener) {
        return "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
    }
}
