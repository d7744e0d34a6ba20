package io.tributary.e2e;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.tributary.chart.HelmChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator container of the Helm chart's Deployment (default values, rendered by Helm), as a
 * pod would get it: its environment with the downward API resolved, and its arguments.
 */
record ChartDeployment(Map<String, String> environment, List<String> args) {

    /** The chart's operator container for a pod of the given name. */
    static ChartDeployment forPod(String podName) {
        Container container = HelmChart.inRepository().renderDefaults().operatorContainer();
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), value(variable, podName));
        }
        return new ChartDeployment(
                env, container.getArgs() == null ? List.of() : container.getArgs());
    }

    private static String value(EnvVar variable, String podName) {
        if (variable.getValueFrom() == null) {
            return variable.getValue() == null ? "" : variable.getValue();
        }
        if (variable.getValueFrom().getFieldRef() == null) {
            throw new IllegalStateException(
                    variable.getName() + ": only the downward API's fieldRef is resolved here");
        }
        String field = variable.getValueFrom().getFieldRef().getFieldPath();
        return switch (field) {
            case "metadata.namespace" -> HelmChart.NAMESPACE;
            case "metadata.name" -> podName;
            default ->
                    throw new IllegalStateException(variable.getName() + ": no value for " + field);
        };
    }

    /** The same environment on another HTTP port: tests running side by side must not share one. */
    ChartDeployment onPort(int port) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (!env.containsKey("TRIBUTARY_HTTP_PORT")) {
            throw new IllegalStateException("the chart sets no TRIBUTARY_HTTP_PORT");
        }
        env.put("TRIBUTARY_HTTP_PORT", Integer.toString(port));
        return new ChartDeployment(env, args);
    }
}
