/**
 * The desired Kubernetes resources of a KafkaCluster, built by pure classes from the spec: no
 * client, no I/O. The reconciler gathers state, calls these builders, and applies what they return.
 */
package io.tributary.operator.cluster.model;
