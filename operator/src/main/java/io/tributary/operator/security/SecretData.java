package io.tributary.operator.security;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads and writes the text entries of Secrets: {@code data} is base64, and a Secret a person wrote
 * may use {@code stringData}. Pure.
 */
public final class SecretData {
    private SecretData() {}

    /** The entry's text, if the Secret has it. */
    public static Optional<String> get(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return Optional.of(
                    new String(
                            Base64.getDecoder().decode(secret.getData().get(key)),
                            StandardCharsets.UTF_8));
        }
        if (secret.getStringData() != null) {
            return Optional.ofNullable(secret.getStringData().get(key));
        }
        return Optional.empty();
    }

    /** Every entry as text. */
    public static Map<String, String> all(Secret secret) {
        Map<String, String> entries = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach(
                            (k, v) ->
                                    entries.put(
                                            k,
                                            new String(
                                                    Base64.getDecoder().decode(v),
                                                    StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            entries.putAll(secret.getStringData());
        }
        return entries;
    }

    /** An Opaque Secret with the text entries, in key order. */
    public static Secret secret(
            String name,
            String namespace,
            Map<String, String> labels,
            Map<String, String> annotations,
            Map<String, String> entries) {
        Map<String, String> data = new TreeMap<>();
        entries.forEach((k, v) -> data.put(k, encode(v)));
        return withData(name, namespace, labels, annotations, data);
    }

    /** A text entry as a Secret's {@code data} holds it: base64. */
    public static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An Opaque Secret with {@code data} as given (base64 values), in key order. */
    public static Secret withData(
            String name,
            String namespace,
            Map<String, String> labels,
            Map<String, String> annotations,
            Map<String, String> base64Data) {
        Map<String, String> data = new TreeMap<>(base64Data);
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(new LinkedHashMap<>(labels))
                .withAnnotations(new LinkedHashMap<>(annotations))
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** Makes the resource owned by {@code owner}, so that deleting the owner deletes it. */
    public static <R extends HasMetadata> R ownedBy(R resource, HasMetadata owner) {
        resource.getMetadata()
                .setOwnerReferences(
                        List.of(
                                new OwnerReferenceBuilder()
                                        .withApiVersion(owner.getApiVersion())
                                        .withKind(owner.getKind())
                                        .withName(owner.getMetadata().getName())
                                        .withUid(owner.getMetadata().getUid())
                                        .withController(true)
                                        .withBlockOwnerDeletion(true)
                                        .build()));
        return resource;
    }
}
