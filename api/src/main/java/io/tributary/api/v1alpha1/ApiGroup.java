package io.tributary.api.v1alpha1;

/** Names shared by every Tributary custom resource: API group, version and well-known keys. */
public final class ApiGroup {
    public static final String GROUP = "kafka.tributary.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** Annotation that, set to {@code "false"}, stops the operator managing a resource. */
    public static final String MANAGED_ANNOTATION = GROUP + "/managed";

    private ApiGroup() {}
}
