package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.tributary.api.v1alpha1.cluster.JvmOptions;
import io.tributary.api.v1alpha1.cluster.NodePoolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of a pool's nodes: the heap ({@code jvmOptions.heap}, else half the memory limit,
 * else 512 MiB) as both -Xms and -Xmx, then the user's extra arguments.
 */
public final class JvmSettings {
    static final String DEFAULT_HEAP = "512m";

    private JvmSettings() {}

    /** The heap size as the JVM writes it, for example {@code 512m}. */
    public static String heap(NodePoolSpec pool) {
        JvmOptions jvm = pool.getJvmOptions();
        if (jvm != null && jvm.getHeap() != null) {
            return jvm.getHeap();
        }
        Quantity memoryLimit =
                pool.getResources() == null ? null : pool.getResources().getLimits().get("memory");
        if (memoryLimit == null) {
            return DEFAULT_HEAP;
        }
        long mebibytes = Quantity.getAmountInBytes(memoryLimit).longValue() / 2 / (1024 * 1024);
        return Math.max(mebibytes, 128) + "m";
    }

    /** The whole option string, for the launcher's {@code TRIBUTARY_JVM_OPTS}. */
    public static String options(NodePoolSpec pool) {
        String heap = heap(pool);
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        if (pool.getJvmOptions() != null) {
            options.addAll(pool.getJvmOptions().getExtraArgs());
        }
        return String.join(" ", options);
    }
}
