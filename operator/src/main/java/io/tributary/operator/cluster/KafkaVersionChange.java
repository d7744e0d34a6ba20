package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.KafkaVersion;
import io.tributary.operator.kafka.MetadataVersions;
import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges a Kafka version or metadata.version in the spec against the metadata.version the cluster
 * has finalised: a KRaft cluster cannot go back below a finalised metadata.version, so a Kafka
 * version too old to run it, or a lower metadata.version, is refused. Pure.
 */
public final class KafkaVersionChange {
    private KafkaVersionChange() {}

    /** The metadata.version to finalise once every node runs {@code spec.kafkaVersion}. */
    public static String targetMetadataVersion(KafkaClusterSpec spec) {
        return spec.getMetadataVersion() != null
                ? spec.getMetadataVersion()
                : spec.getKafkaVersion().metadataVersion();
    }

    public static List<Problem> refusals(KafkaClusterSpec spec, KafkaClusterStatus status) {
        List<Problem> problems = new ArrayList<>();
        KafkaVersion version = spec.getKafkaVersion();
        short supported = MetadataVersions.level(version.metadataVersion()).orElseThrow();
        if (spec.getMetadataVersion() != null) {
            Optional<Short> wanted = MetadataVersions.level(spec.getMetadataVersion());
            if (wanted.isEmpty()) {
                problems.add(
                        new Problem(
                                "UnknownMetadataVersion",
                                "spec.metadataVersion: %s is not a KRaft metadata.version"
                                        .formatted(spec.getMetadataVersion())));
                return problems;
            }
            if (wanted.get() > supported) {
                problems.add(
                        new Problem(
                                "MetadataVersionNotSupported",
                                "spec.metadataVersion: Kafka %s supports metadata.version up to %s, not %s"
                                        .formatted(
                                                version.version(),
                                                version.metadataVersion(),
                                                spec.getMetadataVersion())));
            }
        }
        Optional<Short> finalised =
                Optional.ofNullable(status)
                        .map(KafkaClusterStatus::getMetadataVersion)
                        .flatMap(MetadataVersions::level);
        if (finalised.isEmpty()) {
            return problems;
        }
        String finalisedName = status.getMetadataVersion();
        if (finalised.get() > supported) {
            problems.add(
                    new Problem(
                            "KafkaDowngradeBelowMetadataVersion",
                            ("spec.kafkaVersion: the cluster has finalised metadata.version %s,"
                                            + " which Kafka %s cannot run (it supports up to %s);"
                                            + " a finalised metadata.version cannot be lowered")
                                    .formatted(
                                            finalisedName,
                                            version.version(),
                                            version.metadataVersion())));
        }
        if (spec.getMetadataVersion() != null
                && MetadataVersions.level(spec.getMetadataVersion())
                        .map(w -> w < finalised.get())
                        .orElse(false)) {
            problems.add(
                    new Problem(
                            "MetadataVersionDowngrade",
                            "spec.metadataVersion: %s is below the finalised %s, and a finalised metadata.version cannot be lowered"
                                    .formatted(spec.getMetadataVersion(), finalisedName)));
        }
        return problems;
    }
}
