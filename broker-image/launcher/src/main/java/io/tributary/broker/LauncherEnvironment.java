package io.tributary.broker;

import io.tributary.broker.config.PodIdentity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, read from the pod's environment: the names, defaults and checks of the
 * contract described on {@link BrokerLauncher}.
 *
 * @param env the whole environment, which also resolves template placeholders
 */
public record LauncherEnvironment(
        String podName,
        String podNamespace,
        Optional<String> podIp,
        int nodeIdBase,
        String headlessService,
        String clusterDomain,
        Optional<String> clusterId,
        Optional<String> initialControllers,
        Optional<String> rack,
        Path configDir,
        Path dataDir,
        Path workDir,
        int healthPort,
        Map<String, String> env) {

    public static final String POD_NAME = "POD_NAME";
    public static final String POD_NAMESPACE = "POD_NAMESPACE";
    public static final String POD_IP = "POD_IP";
    public static final String NODE_ID_BASE = "TRIBUTARY_NODE_ID_BASE";
    public static final String HEADLESS_SERVICE = "TRIBUTARY_HEADLESS_SERVICE";
    public static final String CLUSTER_DOMAIN = "TRIBUTARY_CLUSTER_DOMAIN";
    public static final String CLUSTER_ID = "TRIBUTARY_CLUSTER_ID";
    public static final String INITIAL_CONTROLLERS = "TRIBUTARY_INITIAL_CONTROLLERS";
    public static final String RACK = "TRIBUTARY_RACK";
    public static final String CONFIG_DIR = "TRIBUTARY_CONFIG_DIR";
    public static final String DATA_DIR = "TRIBUTARY_DATA_DIR";
    public static final String WORK_DIR = "TRIBUTARY_WORK_DIR";
    public static final String HEALTH_PORT = "TRIBUTARY_HEALTH_PORT";

    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";
    public static final String DEFAULT_CONFIG_DIR = "/opt/tributary/config";
    public static final String DEFAULT_DATA_DIR = "/var/lib/kafka/data";
    public static final String DEFAULT_WORK_DIR = "/tmp/tributary";
    public static final int DEFAULT_HEALTH_PORT = 8080;
    public static final String ANY_ADDRESS = "0.0.0.0";

    /**
     * The template's file name in {@code TRIBUTARY_CONFIG_DIR}, and the rendered file's in the work
     * dir.
     */
    public static final String SERVER_PROPERTIES = "server.properties";

    public LauncherEnvironment {
        env = Map.copyOf(env);
    }

    /** Reads the settings; a missing or malformed variable fails with a message naming it. */
    public static LauncherEnvironment from(Map<String, String> env) {
        return new LauncherEnvironment(
                required(env, POD_NAME),
                required(env, POD_NAMESPACE),
                optional(env, POD_IP),
                integer(env, NODE_ID_BASE, 0, 0, Integer.MAX_VALUE),
                required(env, HEADLESS_SERVICE),
                optional(env, CLUSTER_DOMAIN).orElse(DEFAULT_CLUSTER_DOMAIN),
                optional(env, CLUSTER_ID),
                optional(env, INITIAL_CONTROLLERS),
                optional(env, RACK),
                Path.of(optional(env, CONFIG_DIR).orElse(DEFAULT_CONFIG_DIR)),
                Path.of(optional(env, DATA_DIR).orElse(DEFAULT_DATA_DIR)),
                Path.of(optional(env, WORK_DIR).orElse(DEFAULT_WORK_DIR)),
                integer(env, HEALTH_PORT, DEFAULT_HEALTH_PORT, 1, 65535),
                env);
    }

    /**
     * The values the launcher computes for the template, which win over the environment: the pod's
     * identity ({@code TRIBUTARY_NODE_ID}, {@code TRIBUTARY_POD_FQDN}, {@code TRIBUTARY_RACK}) and
     * its own settings with their defaults applied, so that {@code ${TRIBUTARY_DATA_DIR}} means the
     * same directory to the template as to the launcher even when the variable is unset.
     */
    public Map<String, String> computedPlaceholders(PodIdentity identity) {
        Map<String, String> values = new LinkedHashMap<>(identity.placeholders(rack));
        values.put(POD_IP, bindAddress());
        values.put(CLUSTER_DOMAIN, clusterDomain);
        values.put(CONFIG_DIR, configDir.toString());
        values.put(DATA_DIR, dataDir.toString());
        values.put(WORK_DIR, workDir.toString());
        values.put(HEALTH_PORT, Integer.toString(healthPort));
        return values;
    }

    /** {@code POD_IP}, or every interface when it is unset. */
    public String bindAddress() {
        return podIp.orElse(ANY_ADDRESS);
    }

    public Path templateFile() {
        return configDir.resolve(SERVER_PROPERTIES);
    }

    public Path renderedFile() {
        return workDir.resolve(SERVER_PROPERTIES);
    }

    /** A blank value counts as unset: Kubernetes renders an empty {@code value:} as "". */
    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name)
                .orElseThrow(
                        () ->
                                new LauncherException(
                                        "Environment variable " + name + " is required"));
    }

    private static int integer(
            Map<String, String> env, String name, int defaultValue, int min, int max) {
        Optional<String> value = optional(env, name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new LauncherException(
                    "Environment variable "
                            + name
                            + " must be an integer from "
                            + min
                            + " to "
                            + max
                            + ", got '"
                            + value.get()
                            + "'");
        }
    }
}
