package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;

/**
 * Raises the cluster's finalised KRaft {@code metadata.version} to a target once every node runs a
 * Kafka version that supports it; the controller refuses while any node does not, so calling early
 * is harmless. Never lowers it.
 */
public final class MetadataVersionFinalizer {
    static final String FEATURE = "metadata.version";

    private final AdminCall call;

    public MetadataVersionFinalizer(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    /** Finalises {@code target} if the cluster is below it; returns the previous version if so. */
    public Optional<String> finalise(Admin admin, String target) throws KafkaUnavailableException {
        short level =
                MetadataVersions.level(target)
                        .orElseThrow(() -> new IllegalArgumentException("unknown " + target));
        try {
            FeatureMetadata features = call.get(admin.describeFeatures().featureMetadata());
            FinalizedVersionRange finalised = features.finalizedFeatures().get(FEATURE);
            if (finalised != null && finalised.maxVersionLevel() >= level) {
                return Optional.empty();
            }
            call.get(
                    admin.updateFeatures(
                                    Map.of(
                                            FEATURE,
                                            new FeatureUpdate(
                                                    level, FeatureUpdate.UpgradeType.UPGRADE)),
                                    new UpdateFeaturesOptions())
                            .all());
            return Optional.of(
                    finalised == null
                            ? "none"
                            : MetadataVersions.name(finalised.maxVersionLevel())
                                    .orElse("level " + finalised.maxVersionLevel()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while finalising " + target, e);
        }
    }
}
