package io.tributary.operator.rebalance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a plan's targets as the compressed text a ConfigMap keeps between reconciles, one line per
 * partition ({@code topic partition replicas copies bytes}, tab-separated), and reads it back. A
 * plan of 10,000 moving partitions fits in a few tens of kilobytes. Pure.
 */
public final class PlanCodec {
    private PlanCodec() {}

    public static byte[] encode(List<PlanTarget> targets) {
        StringBuilder text = new StringBuilder();
        for (PlanTarget target : targets) {
            text.append(target.topic())
                    .append('\t')
                    .append(target.partition())
                    .append('\t')
                    .append(
                            String.join(
                                    ",", target.replicas().stream().map(String::valueOf).toList()))
                    .append('\t')
                    .append(target.copies())
                    .append('\t')
                    .append(target.bytes())
                    .append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The targets, in the order they were written.
     *
     * @throws IllegalArgumentException when the data is not a plan this codec wrote
     */
    public static List<PlanTarget> decode(byte[] data) {
        String text;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data))) {
            text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a rebalance plan: " + e.getMessage(), e);
        }
        List<PlanTarget> targets = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 5) {
                throw new IllegalArgumentException(
                        "rebalance plan line " + number + ": expected 5 fields");
            }
            try {
                targets.add(
                        new PlanTarget(
                                fields[0],
                                Integer.parseInt(fields[1]),
                                Arrays.stream(fields[2].split(",")).map(Integer::valueOf).toList(),
                                Integer.parseInt(fields[3]),
                                Long.parseLong(fields[4])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "rebalance plan line " + number + ": " + e.getMessage(), e);
            }
        }
        return targets;
    }
}
