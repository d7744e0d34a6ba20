package io.tributary.sandbox.controller;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The revision name of a StatefulSet's pod template, {@code <statefulset>-<hash>}, as the {@code
 * controller-revision-hash} label carries it: equal templates give equal revisions.
 */
public final class TemplateRevision {
    private TemplateRevision() {}

    public static String of(String statefulSet, PodTemplateSpec template) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    Serialization.asJson(template)
                                            .getBytes(StandardCharsets.UTF_8));
            return statefulSet + "-" + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
