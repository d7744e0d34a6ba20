package io.tributary.broker;

/** Where the launcher is in its life, as the health probes see it. */
public enum LauncherPhase {
    /** Rendering the config and formatting storage; Kafka is not running yet. */
    STARTING,
    /** Kafka has been started in this JVM. */
    RUNNING,
    /** A termination signal arrived; Kafka is shutting down in a controlled way. */
    STOPPING,
    /** Kafka failed or stopped on its own; the JVM is about to exit non-zero. */
    FAILED
}
