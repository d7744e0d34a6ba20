/**
 * Admission of custom resources as the Kubernetes API server does it: schema defaults, pruning of
 * unknown fields, OpenAPI v3 validation and CEL rules ({@code x-kubernetes-validations}).
 */
package io.tributary.sandbox.admission;
