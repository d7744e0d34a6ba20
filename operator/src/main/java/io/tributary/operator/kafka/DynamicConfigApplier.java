package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Applies cluster-wide broker configs without a restart: reads the cluster's dynamic defaults, and
 * writes only the difference with {@code incrementalAlterConfigs}, validated first.
 */
public final class DynamicConfigApplier {
    private static final ConfigResource CLUSTER_DEFAULT =
            new ConfigResource(ConfigResource.Type.BROKER, "");

    private final AdminCall call;

    public DynamicConfigApplier(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    /**
     * Brings the dynamic defaults to {@code desired}; returns what it changed (empty when nothing).
     */
    public DynamicConfigDiff apply(Admin admin, Map<String, String> desired)
            throws KafkaUnavailableException {
        try {
            Config config =
                    call.get(admin.describeConfigs(List.of(CLUSTER_DEFAULT)).all())
                            .get(CLUSTER_DEFAULT);
            Map<String, String> current = new TreeMap<>();
            for (ConfigEntry entry : config.entries()) {
                if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG
                        && entry.value() != null) {
                    current.put(entry.name(), entry.value());
                }
            }
            DynamicConfigDiff diff = DynamicConfigDiff.between(desired, current);
            if (diff.isEmpty()) {
                return diff;
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            diff.set()
                    .forEach(
                            (k, v) ->
                                    ops.add(
                                            new AlterConfigOp(
                                                    new ConfigEntry(k, v),
                                                    AlterConfigOp.OpType.SET)));
            diff.delete()
                    .forEach(
                            k ->
                                    ops.add(
                                            new AlterConfigOp(
                                                    new ConfigEntry(k, null),
                                                    AlterConfigOp.OpType.DELETE)));
            var validateOnly =
                    new org.apache.kafka.clients.admin.AlterConfigsOptions().validateOnly(true);
            call.get(
                    admin.incrementalAlterConfigs(Map.of(CLUSTER_DEFAULT, ops), validateOnly)
                            .all());
            call.get(admin.incrementalAlterConfigs(Map.of(CLUSTER_DEFAULT, ops)).all());
            return diff;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted", e);
        }
    }
}
