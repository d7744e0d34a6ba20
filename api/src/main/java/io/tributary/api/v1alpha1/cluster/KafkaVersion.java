package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Kafka versions this operator can run, each with the metadata.version it finalises. */
public enum KafkaVersion {
    @JsonProperty("4.3.1")
    V4_3_1("4.3.1", "4.3-IV0"),
    @JsonProperty("4.4.0")
    V4_4_0("4.4.0", "4.4-IV2");

    /** The version a KafkaCluster gets when it names none. */
    public static final KafkaVersion DEFAULT = V4_4_0;

    private final String version;
    private final String metadataVersion;

    KafkaVersion(String version, String metadataVersion) {
        this.version = version;
        this.metadataVersion = metadataVersion;
    }

    /** The version string, for example {@code 4.4.0}. */
    public String version() {
        return version;
    }

    /** The latest production KRaft metadata.version of this Kafka version. */
    public String metadataVersion() {
        return metadataVersion;
    }

    /** The version named by the string, for example {@code 4.4.0}. */
    public static KafkaVersion of(String version) {
        for (KafkaVersion v : values()) {
            if (v.version.equals(version)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unsupported Kafka version: " + version);
    }

    @Override
    public String toString() {
        return version;
    }
}
