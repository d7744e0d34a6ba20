/**
 * The {@code kafka.tributary.io/v1alpha1} custom resource model: {@code KafkaCluster}, {@code
 * KafkaTopic} and {@code KafkaUser}, their specs and statuses. The CRDs in {@code crds/} are
 * generated from these classes.
 */
package io.tributary.api.v1alpha1;
