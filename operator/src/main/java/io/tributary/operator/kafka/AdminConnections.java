package io.tributary.operator.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * One Kafka Admin client per cluster, kept between reconciles (making one costs a metadata round
 * trip) and replaced when the cluster's bootstrap address or the operator's credentials there
 * change.
 */
public final class AdminConnections implements AutoCloseable {
    private record Connection(KafkaAccess access, Admin admin) {}

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Object> overrides;

    /**
     * @param overrides Admin client properties added to the defaults (for example security)
     */
    public AdminConnections(Map<String, Object> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * The Admin client of the cluster with this key (namespace/name), connected to bootstrap.
     *
     * @throws KafkaUnavailableException when no client can be made, for example while none of the
     *     bootstrap names resolves yet (a new cluster's DNS records)
     */
    public Admin admin(String clusterKey, String bootstrap) throws KafkaUnavailableException {
        return admin(clusterKey, KafkaAccess.plain(bootstrap));
    }

    /**
     * The Admin client of the cluster with this key (namespace/name), connected as {@code access}
     * says.
     *
     * @throws KafkaUnavailableException when no client can be made, for example while none of the
     *     bootstrap names resolves yet (a new cluster's DNS records)
     */
    public Admin admin(String clusterKey, KafkaAccess access) throws KafkaUnavailableException {
        String bootstrap = access.bootstrap();
        Connection connection;
        try {
            connection =
                    connections.compute(
                            clusterKey,
                            (key, existing) -> {
                                if (existing != null && existing.access().equals(access)) {
                                    return existing;
                                }
                                if (existing != null) {
                                    existing.admin().close(java.time.Duration.ofSeconds(5));
                                }
                                return new Connection(access, create(access));
                            });
        } catch (KafkaException e) {
            throw new KafkaUnavailableException(
                    "no Admin client for " + bootstrap + ": " + e.getMessage(), e);
        }
        return connection.admin();
    }

    /** Closes the cluster's client, when the cluster is deleted. */
    public void forget(String clusterKey) {
        Connection connection = connections.remove(clusterKey);
        if (connection != null) {
            connection.admin().close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Closes the clients of clusters that no longer exist. */
    public void retainOnly(java.util.Set<String> clusterKeys) {
        for (String key : java.util.List.copyOf(connections.keySet())) {
            if (!clusterKeys.contains(key)) {
                forget(key);
            }
        }
    }

    private Admin create(KafkaAccess access) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, access.bootstrap());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-operator");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        props.putAll(overrides);
        props.putAll(access.properties());
        return Admin.create(props);
    }

    @Override
    public void close() {
        connections.keySet().forEach(this::forget);
    }
}
