package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ConfigMap holding a pool's {@code server.properties} template, and the hash of the part of it
 * that only takes effect on restart.
 */
public final class PoolConfigMapBuilder {
    public static final String SERVER_PROPERTIES = "server.properties";

    private PoolConfigMapBuilder() {}

    public static ConfigMap build(ClusterModel model, NodePool pool) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(model.names().configMap(pool))
                .withNamespace(model.namespace())
                .withLabels(ClusterLabels.pool(model.name(), pool))
                .endMetadata()
                .withData(
                        Map.of(
                                SERVER_PROPERTIES,
                                ServerPropertiesTemplate.render(
                                        model.spec(), pool, model.controllerQuorumAddresses())))
                .build();
    }

    /**
     * A hash of the pool's configuration without the keys Kafka can change at run time: when it
     * changes, the nodes must restart to take the new configuration.
     */
    public static String restartConfigHash(
            ClusterModel model, NodePool pool, Set<String> dynamicKeys) {
        Map<String, String> restartOnly =
                new TreeMap<>(
                        ServerPropertiesTemplate.properties(
                                model.spec(), pool, model.controllerQuorumAddresses()));
        restartOnly.keySet().removeAll(dynamicKeys);
        return sha256(restartOnly.toString()).substring(0, 16);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
