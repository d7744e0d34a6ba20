package io.tributary.broker.run;

import sun.misc.Signal;

/**
 * Handles SIGTERM and SIGINT, so that a requested stop ends with status 0 instead of the JVM's
 * default 128 + signal number.
 *
 * <p>Kafka's own {@code LoggingSignalHandler}, registered later by {@code kafka.Kafka}, logs the
 * signal and then calls this handler. There is no public API for this: {@code sun.misc.Signal}
 * (module jdk.unsupported) is the one Kafka itself uses.
 */
final class TerminationSignals {
    private TerminationSignals() {}

    static void onTermination(Runnable handler) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> handler.run());
        }
    }
}
