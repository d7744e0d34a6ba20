package io.tributary.broker.storage;

import io.tributary.broker.LauncherException;
import io.tributary.broker.run.KafkaExitProcedures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Kafka's storage tool ({@code kafka-storage format}) in this JVM.
 *
 * <p>The tool ends by calling {@code Exit.exit} in every Kafka 4.x version, so its exit procedure
 * is swapped for one that throws back to the launcher instead of stopping the JVM.
 */
public final class StorageFormatter {
    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);
    static final String META_PROPERTIES = "meta.properties";

    private StorageFormatter() {}

    /** The directories among {@code dirs} that hold a {@code meta.properties}. */
    public static Set<String> formatted(List<String> dirs) {
        return dirs.stream()
                .filter(d -> Files.isRegularFile(Path.of(d, META_PROPERTIES)))
                .collect(Collectors.toSet());
    }

    /** Carries out the plan, then checks that every one of {@code dirs} is formatted. */
    public static void run(StorageFormatPlan plan, List<String> dirs) {
        LOG.info("{}", plan.explanation());
        if (!plan.needed()) {
            return;
        }
        LOG.info("Running kafka-storage {}", String.join(" ", plan.arguments()));
        int status = runStorageTool(plan.arguments().toArray(String[]::new));
        if (status != 0) {
            throw new LauncherException(
                    "kafka-storage format failed with exit status "
                            + status
                            + " (its message is in the log above)");
        }
        Set<String> formatted = formatted(dirs);
        List<String> missing = dirs.stream().filter(d -> !formatted.contains(d)).toList();
        if (!missing.isEmpty()) {
            throw new LauncherException(
                    "kafka-storage format finished but left no meta.properties in " + missing);
        }
    }

    private static int runStorageTool(String[] args) {
        KafkaExitProcedures.Procedure throwBack =
                (status, message) -> {
                    throw new ToolExit(status);
                };
        KafkaExitProcedures.set(throwBack, throwBack);
        try {
            kafka.tools.StorageTool.main(args);
            return 0;
        } catch (ToolExit e) {
            return e.status;
        } catch (RuntimeException e) {
            throw new LauncherException("kafka-storage format failed: " + e, e);
        } finally {
            KafkaExitProcedures.reset();
        }
    }

    /** Carries the storage tool's exit status back out of {@code StorageTool.main}. */
    private static final class ToolExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ToolExit(int status) {
            super("kafka-storage exited with " + status, null, false, false);
            this.status = status;
        }
    }
}
