package io.tributary.operator.cluster.model;

import org.apache.kafka.common.Uuid;

/** New Kafka cluster ids, made as {@code kafka-storage random-uuid} makes them. */
public final class ClusterIds {
    private ClusterIds() {}

    public static String random() {
        return Uuid.randomUuid().toString();
    }
}
