package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final Duration timeout;

    public DynamicConfigApplier(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Brings the dynamic defaults to {@code desired}; returns what it changed (empty when nothing).
     */
    public DynamicConfigDiff apply(Admin admin, Map<String, String> desired)
            throws KafkaUnavailableException {
        try {
            Config config =
                    admin.describeConfigs(List.of(CLUSTER_DEFAULT))
                            .all()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
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
            admin.incrementalAlterConfigs(Map.of(CLUSTER_DEFAULT, ops), validateOnly)
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            admin.incrementalAlterConfigs(Map.of(CLUSTER_DEFAULT, ops))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return diff;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KafkaUnavailableException(
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("no answer within " + timeout.toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted", e);
        }
    }
}
