package io.tributary.operator.topic;

import io.tributary.operator.kafka.AdminConnections;
import io.tributary.operator.kafka.KafkaAccess;
import io.tributary.operator.kafka.KafkaUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;

/**
 * One {@link TopicAdmin} per cluster, on the cluster's shared Admin client, replaced when that
 * client is (the cluster's bootstrap address changed).
 */
final class TopicAdmins implements AutoCloseable {
    private final AdminConnections admins;
    private final Duration timeout;
    private final Map<String, TopicAdmin> byCluster = new ConcurrentHashMap<>();

    TopicAdmins(AdminConnections admins, Duration timeout) {
        this.admins = admins;
        this.timeout = timeout;
    }

    TopicAdmin of(String clusterKey, KafkaAccess access) throws KafkaUnavailableException {
        Admin admin = admins.admin(clusterKey, access);
        return byCluster.compute(
                clusterKey,
                (key, existing) -> {
                    if (existing != null && existing.admin() == admin) {
                        return existing;
                    }
                    if (existing != null) {
                        existing.close();
                    }
                    return new TopicAdmin(admin, timeout);
                });
    }

    @Override
    public void close() {
        byCluster.values().forEach(TopicAdmin::close);
        byCluster.clear();
    }
}
