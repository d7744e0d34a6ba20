package io.tributary.broker.run;

import io.tributary.broker.LauncherPhase;
import io.tributary.broker.LauncherState;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Kafka ({@code kafka.Kafka.main}) in this JVM and turns how it ends into the launcher's exit
 * status.
 *
 * <p>On SIGTERM the JVM runs Kafka's shutdown hook (a controlled shutdown) and exits 0. When Kafka
 * fails, or stops without being asked to, the JVM exits non-zero: Kafka reports both through {@code
 * Exit.exit}/{@code Exit.halt}, whose procedures are replaced here.
 */
public final class KafkaRunner {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRunner.class);

    private KafkaRunner() {}

    /** Never returns: the JVM exits when Kafka is done. */
    public static void run(Path serverProperties, LauncherState state) {
        KafkaExitProcedures.set(
                (status, message) -> System.exit(finalStatus(status, message, state, "exit")),
                (status, message) ->
                        Runtime.getRuntime().halt(finalStatus(status, message, state, "halt")));
        TerminationSignals.onTermination(
                () -> {
                    LOG.info("Termination requested: shutting Kafka down");
                    state.stopping();
                    System.exit(0);
                });
        state.running();
        kafka.Kafka.main(new String[] {serverProperties.toString()});
        // Every Kafka 4.x ends main() with Exit.exit; this is a safety net.
        System.exit(finalStatus(0, "kafka.Kafka.main returned", state, "return"));
    }

    private static int finalStatus(
            int kafkaStatus, String message, LauncherState state, String how) {
        boolean requested = state.phase() == LauncherPhase.STOPPING;
        int status = ExitStatus.of(kafkaStatus, requested);
        if (status != 0) {
            state.failed();
            LOG.error(
                    "Kafka {} with status {}{}{}; the launcher exits with {}",
                    how,
                    kafkaStatus,
                    message == null ? "" : ": " + message,
                    requested ? "" : " without a termination request",
                    status);
        }
        return status;
    }
}
