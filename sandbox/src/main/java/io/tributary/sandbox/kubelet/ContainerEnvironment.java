package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as a kubelet builds it — literal values with {@code $(VAR)} references,
 * the downward API, ConfigMap and Secret keys — with one sandbox twist: a value that is a path
 * inside a volume mount is rewritten to the volume's local directory, since the container's
 * filesystem layout does not exist on this machine.
 */
public final class ContainerEnvironment {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ContainerEnvironment() {}

    /** Thrown when a referenced ConfigMap, Secret or key does not exist. */
    public static final class MissingReference extends Exception {
        private static final long serialVersionUID = 1L;

        MissingReference(String message) {
            super(message);
        }
    }

    public static Map<String, String> resolve(
            Pod pod, Container container, PodVolumes volumes, VolumeSources sources)
            throws MissingReference {
        String namespace = pod.getMetadata().getNamespace();
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                if (from.getConfigMapRef() != null) {
                    sources.configMap(namespace, from.getConfigMapRef().getName())
                            .ifPresent(c -> c.getData().forEach((k, v) -> env.put(prefix + k, v)));
                }
                if (from.getSecretRef() != null) {
                    sources.secret(namespace, from.getSecretRef().getName())
                            .ifPresent(
                                    s ->
                                            s.getData()
                                                    .forEach(
                                                            (k, v) ->
                                                                    env.put(
                                                                            prefix + k,
                                                                            decode(v))));
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar variable : container.getEnv()) {
                String value =
                        variable.getValueFrom() == null
                                ? expand(
                                        variable.getValue() == null ? "" : variable.getValue(), env)
                                : valueFrom(pod, container, variable, sources);
                env.put(variable.getName(), value);
            }
        }
        env.replaceAll((name, value) -> rewritePath(value, container, volumes));
        return env;
    }

    private static String valueFrom(
            Pod pod, Container container, EnvVar variable, VolumeSources sources)
            throws MissingReference {
        EnvVarSource from = variable.getValueFrom();
        String namespace = pod.getMetadata().getNamespace();
        if (from.getFieldRef() != null) {
            return field(pod, from.getFieldRef().getFieldPath());
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            Optional<String> value =
                    sources.configMap(namespace, ref.getName())
                            .map(c -> c.getData() == null ? null : c.getData().get(ref.getKey()));
            if (value.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
                throw new MissingReference(
                        "configmap \""
                                + ref.getName()
                                + "\" key \""
                                + ref.getKey()
                                + "\" not found");
            }
            return value.orElse("");
        }
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            Optional<String> value =
                    sources.secret(namespace, ref.getName())
                            .map(s -> s.getData() == null ? null : s.getData().get(ref.getKey()))
                            .map(ContainerEnvironment::decode);
            if (value.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
                throw new MissingReference(
                        "secret \"" + ref.getName() + "\" key \"" + ref.getKey() + "\" not found");
            }
            return value.orElse("");
        }
        if (from.getResourceFieldRef() != null && container.getResources() != null) {
            String resource = from.getResourceFieldRef().getResource();
            Map<String, Quantity> source =
                    resource.startsWith("limits.")
                            ? container.getResources().getLimits()
                            : container.getResources().getRequests();
            Quantity quantity =
                    source == null
                            ? null
                            : source.get(resource.substring(resource.indexOf('.') + 1));
            return quantity == null
                    ? "0"
                    : Quantity.getAmountInBytes(quantity).toBigInteger().toString();
        }
        return "";
    }

    /** The downward API: a pod field by its path, for example {@code status.podIP}. */
    static String field(Pod pod, String path) {
        Matcher keyed =
                Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]").matcher(path);
        if (keyed.matches()) {
            Map<String, String> map =
                    keyed.group(1).equals("labels")
                            ? pod.getMetadata().getLabels()
                            : pod.getMetadata().getAnnotations();
            return map == null ? "" : map.getOrDefault(keyed.group(2), "");
        }
        return switch (path) {
            case "metadata.name" -> pod.getMetadata().getName();
            case "metadata.namespace" -> pod.getMetadata().getNamespace();
            case "metadata.uid" -> pod.getMetadata().getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.podIP" -> pod.getStatus() == null ? "" : pod.getStatus().getPodIP();
            case "status.hostIP" -> pod.getStatus() == null ? "" : pod.getStatus().getHostIP();
            default -> "";
        };
    }

    private static String expand(String value, Map<String, String> env) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = env.getOrDefault(matcher.group(1), matcher.group(0));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A path inside a mount, rewritten to the mount's local directory; other values as they are.
     */
    static String rewritePath(String value, Container container, PodVolumes volumes) {
        if (value == null || !value.startsWith("/") || container.getVolumeMounts() == null) {
            return value;
        }
        List<VolumeMount> longestFirst =
                container.getVolumeMounts().stream()
                        .sorted(
                                Comparator.comparingInt(
                                                (VolumeMount m) -> m.getMountPath().length())
                                        .reversed())
                        .toList();
        for (VolumeMount mount : longestFirst) {
            String mountPath =
                    mount.getMountPath().endsWith("/")
                            ? mount.getMountPath().substring(0, mount.getMountPath().length() - 1)
                            : mount.getMountPath();
            if (value.equals(mountPath) || value.startsWith(mountPath + "/")) {
                Optional<Path> local = volumes.directory(mount.getName());
                if (local.isPresent()) {
                    Path base =
                            mount.getSubPath() == null
                                    ? local.get()
                                    : local.get().resolve(mount.getSubPath());
                    return base + value.substring(mountPath.length());
                }
            }
        }
        return value;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
