package io.tributary.sandbox.kubelet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which local distribution stands in for a container image: images tagged {@code
 * ...-kafka-<version>} (the Tributary broker images) run the broker distribution of that Kafka
 * version built by the {@code broker-image} module. The sandbox runs nothing else.
 */
public final class BrokerImages {
    private static final Pattern TAG =
            Pattern.compile(":(?:[^:/]*-)?kafka-([0-9]+\\.[0-9]+\\.[0-9]+)$");

    private final Path brokerImageModule;

    /**
     * @param brokerImageModule the {@code broker-image} folder of the repository
     */
    public BrokerImages(Path brokerImageModule) {
        this.brokerImageModule = brokerImageModule;
    }

    /** The Kafka version a broker image runs, from its tag. */
    public static Optional<String> kafkaVersion(String image) {
        Matcher matcher = TAG.matcher(image == null ? "" : image);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The distribution folder (with bin/, libs/, config/) of the image, if it is built. */
    public Optional<Path> distribution(String image) {
        return kafkaVersion(image)
                .map(
                        v ->
                                brokerImageModule
                                        .resolve("kafka-" + v)
                                        .resolve("target")
                                        .resolve("distribution"))
                .filter(d -> Files.isRegularFile(d.resolve("bin").resolve("tributary-broker")));
    }
}
