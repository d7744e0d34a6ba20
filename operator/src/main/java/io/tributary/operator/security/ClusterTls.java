package io.tributary.operator.security;

import io.tributary.api.v1alpha1.cluster.AuthorizationType;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerAuthentication;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.operator.cluster.model.ClusterNames;
import io.tributary.operator.cluster.model.NodePool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a secured cluster's certificates are called and say: whether a cluster is secured, the
 * Secrets that hold its CAs and certificates, the identities of its nodes and of the operator, and
 * every DNS name a node's certificate must carry. Pure.
 *
 * <p>A cluster is secured when any listener has TLS or authentication, or authorization is simple.
 * Then the nodes' own listeners (controller and replication) are mutual TLS with certificates of
 * the cluster CA, and the operator connects to the replication listener with its own certificate:
 * nobody without a certificate of the cluster CA reaches them.
 */
public final class ClusterTls {
    /** The subject of every node's certificate. */
    public static final String NODE_SUBJECT = "O=io.tributary,CN=tributary-node";

    /** The subject of the operator's certificate. */
    public static final String OPERATOR_SUBJECT = "O=io.tributary,CN=tributary-operator";

    /** The principal Kafka sees for a node: the subject, as RFC 2253 writes it. */
    public static final String NODE_PRINCIPAL = "User:CN=tributary-node,O=io.tributary";

    /** The principal Kafka sees for the operator. */
    public static final String OPERATOR_PRINCIPAL = "User:CN=tributary-operator,O=io.tributary";

    /** Keys of the Secrets. */
    public static final String CA_CERT = "ca.crt";

    public static final String CA_KEY = "ca.key";
    public static final String NEXT_CERT = "next.crt";
    public static final String NEXT_KEY = "next.key";
    public static final String PREVIOUS_CERT = "previous.crt";
    public static final String CLIENT_CERT = "user.crt";
    public static final String CLIENT_KEY = "user.key";

    private ClusterTls() {}

    /** Whether the cluster runs TLS on its own listeners and issues certificates. */
    public static boolean isSecured(KafkaClusterSpec spec) {
        boolean listeners =
                spec.getListeners().stream()
                        .anyMatch(
                                l ->
                                        l.isTls()
                                                || l.getAuthentication()
                                                        != ListenerAuthentication.NONE);
        return listeners
                || (spec.getAuthorization() != null
                        && spec.getAuthorization().getType() == AuthorizationType.SIMPLE);
    }

    /** Whether a listener needs client certificates signed by the clients CA. */
    public static boolean hasMutualTlsListener(KafkaClusterSpec spec) {
        return spec.getListeners().stream()
                .anyMatch(l -> l.getAuthentication() == ListenerAuthentication.TLS);
    }

    /** The Secret with the cluster CA's key (the operator's; never mounted by clients). */
    public static String clusterCaSecret(String cluster) {
        return cluster + "-cluster-ca";
    }

    /** The Secret with the cluster CA certificates to trust, for clients and nodes. */
    public static String clusterCaCertSecret(String cluster) {
        return cluster + "-cluster-ca-cert";
    }

    /** The Secret with the clients CA's key, which signs TLS users' certificates. */
    public static String clientsCaSecret(String cluster) {
        return cluster + "-clients-ca";
    }

    /** The Secret with the clients CA certificates the brokers trust. */
    public static String clientsCaCertSecret(String cluster) {
        return cluster + "-clients-ca-cert";
    }

    /** The Secret with every node's key and certificate, one PEM file per pod. */
    public static String nodeCertsSecret(String cluster) {
        return cluster + "-node-certs";
    }

    /** The Secret with the operator's own key and certificate for this cluster. */
    public static String operatorSecret(String cluster) {
        return cluster + "-operator-credentials";
    }

    /** The key of a pod's PEM file (key and certificate) in the node certificates Secret. */
    public static String nodeKeyStore(String pod) {
        return pod + ".pem";
    }

    /** Every pod of the cluster with the DNS names its certificate must carry. */
    public static Map<String, List<String>> nodeDnsNames(
            ClusterNames names, List<NodePool> pools, List<ListenerSpec> listeners) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (NodePool pool : pools) {
            for (int ordinal = 0; ordinal < pool.replicas(); ordinal++) {
                List<String> dns = new ArrayList<>();
                String fqdn = names.podFqdn(pool, ordinal);
                dns.add(fqdn);
                dns.add(fqdn.substring(0, fqdn.length() - names.clusterDomain().length() - 1));
                if (pool.isBroker()) {
                    for (ListenerSpec listener : listeners) {
                        String service = names.bootstrapService(listener.getName());
                        dns.add(service);
                        dns.add(service + "." + names.namespace());
                        dns.add(names.serviceHost(service));
                        dns.add(names.serviceHost(service) + "." + names.clusterDomain());
                    }
                }
                all.put(names.pod(pool, ordinal), List.copyOf(dns));
            }
        }
        return all;
    }
}
