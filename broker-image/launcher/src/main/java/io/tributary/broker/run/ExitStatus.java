package io.tributary.broker.run;

/**
 * The launcher's exit status for a status Kafka asked to exit (or halt) with: a failure keeps its
 * status, a stop after a termination signal is 0, and a stop nobody asked for is 1.
 */
public final class ExitStatus {
    /** Kafka stopped with status 0 although no termination signal arrived. */
    public static final int UNREQUESTED_STOP = 1;

    private ExitStatus() {}

    public static int of(int kafkaStatus, boolean terminationRequested) {
        if (kafkaStatus != 0) {
            return kafkaStatus;
        }
        return terminationRequested ? 0 : UNREQUESTED_STOP;
    }
}
