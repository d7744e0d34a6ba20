package io.tributary.api.v1alpha1.cluster;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * Schema stand-in for a Kubernetes type embedded in our spec: an object whose fields the CRD does
 * not list, so that the API server keeps them as written.
 */
@PreserveUnknownFields
final class KubernetesObject {
    private KubernetesObject() {}
}
