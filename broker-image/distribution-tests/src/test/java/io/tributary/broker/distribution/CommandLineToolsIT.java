package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The distribution's copies of Kafka's command-line tools work against a broker of it: topics are
 * created and described, the console producer writes stdin, the console consumer prints exactly
 * those records on stdout, and consumer groups show the committed offsets.
 */
class CommandLineToolsIT {
    private static final Duration READY = Duration.ofSeconds(90);

    private final BrokerDistribution distribution = BrokerDistribution.of("4.4.0");
    private final NodePool pool = NodePool.combined("tools", distribution, List.of("127.0.0.1"));

    @AfterEach
    void killBrokers() {
        pool.close();
    }

    @Test
    void consoleToolsRoundTripRecordsThroughABroker() throws Exception {
        pool.start(0).awaitReady(READY);
        String bootstrap = pool.bootstrapServers();

        Result created =
                tool(
                        "kafka-topics.sh",
                        "",
                        "--bootstrap-server",
                        bootstrap,
                        "--create",
                        "--topic",
                        "lines",
                        "--partitions",
                        "1",
                        "--replication-factor",
                        "1");
        assertThat(created.stdout()).contains("Created topic lines.");

        tool(
                "kafka-console-producer.sh",
                "first\nsecond\nthird\n",
                "--bootstrap-server",
                bootstrap,
                "--topic",
                "lines");

        Result consumed =
                tool(
                        "kafka-console-consumer.sh",
                        "",
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        "lines",
                        "--from-beginning",
                        "--max-messages",
                        "3",
                        "--group",
                        "readers");
        assertThat(consumed.stdout().lines()).containsExactly("first", "second", "third");

        Result groups =
                tool(
                        "kafka-consumer-groups.sh",
                        "",
                        "--bootstrap-server",
                        bootstrap,
                        "--describe",
                        "--group",
                        "readers");
        assertThat(groups.stdout()).containsPattern("readers\\s+lines\\s+0\\s+3\\s+3\\s+0");
    }

    private record Result(String stdout, String stderr) {}

    private Result tool(String script, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(distribution.home().resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        java.nio.file.Path out = java.nio.file.Files.createTempFile("tool", ".out");
        java.nio.file.Path err = java.nio.file.Files.createTempFile("tool", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().put("KAFKA_OPTS", "-Djdk.net.hosts.file=" + HostsFile.path());
        Process process = builder.start();
        try {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(script + " did not finish within 60 s");
            }
        } finally {
            process.destroyForcibly();
        }
        Result result =
                new Result(
                        java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        java.nio.file.Files.delete(out);
        java.nio.file.Files.delete(err);
        assertThat(process.exitValue()).as("%s failed: %s", script, result.stderr()).isZero();
        return result;
    }
}
