package io.tributary.gitops;

/**
 * A health as Argo CD reports it: a status ({@code Healthy}, {@code Progressing}, {@code Degraded},
 * {@code Suspended}, {@code Missing} or {@code Unknown}) and a message, empty when none.
 */
record ArgoHealth(String status, String message) {}
