package io.tributary.broker.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Derives a controller's metadata directory id from the cluster id and its node id, so the operator
 * and the launcher agree on the {@code --initial-controllers} list without storing it.
 *
 * <p>The result is a valid Kafka {@code Uuid} in its base64 form (22 characters): never one of the
 * reserved directory ids (the first 100) and never starting with {@code -}.
 */
public final class StableDirectoryId {
    private static final int RESERVED_DIRECTORY_IDS = 100;

    private StableDirectoryId() {}

    public static String derive(String clusterId, int nodeId) {
        for (int attempt = 0; ; attempt++) {
            ByteBuffer digest =
                    ByteBuffer.wrap(
                            sha256(
                                    "tributary/directory-id/"
                                            + clusterId
                                            + "/"
                                            + nodeId
                                            + "/"
                                            + attempt));
            long most = digest.getLong();
            long least = digest.getLong();
            String id = encode(most, least);
            boolean reserved = most == 0 && least >= 0 && least < RESERVED_DIRECTORY_IDS;
            if (!reserved && !id.startsWith("-")) {
                return id;
            }
        }
    }

    /** Encodes 128 bits the way Kafka's {@code Uuid.toString()} does. */
    static String encode(long mostSignificantBits, long leastSignificantBits) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(mostSignificantBits).putLong(leastSignificantBits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
