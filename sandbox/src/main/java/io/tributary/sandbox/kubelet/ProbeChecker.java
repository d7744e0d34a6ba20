package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Runs a container's HTTP GET and TCP socket probes against the pod's address. */
final class ProbeChecker {
    private ProbeChecker() {}

    /** Whether the probe succeeds now (exec probes are not supported and always succeed). */
    static boolean check(Probe probe, Container container, String podIp) {
        int timeoutMillis =
                1000 * (probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds());
        try {
            if (probe.getHttpGet() != null) {
                int port = port(probe.getHttpGet().getPort(), container);
                String path =
                        probe.getHttpGet().getPath() == null ? "/" : probe.getHttpGet().getPath();
                HttpURLConnection connection =
                        (HttpURLConnection)
                                URI.create("http://" + podIp + ":" + port + path)
                                        .toURL()
                                        .openConnection();
                connection.setConnectTimeout(timeoutMillis);
                connection.setReadTimeout(timeoutMillis);
                try {
                    int code = connection.getResponseCode();
                    return code >= 200 && code < 400;
                } finally {
                    connection.disconnect();
                }
            }
            if (probe.getTcpSocket() != null) {
                try (Socket socket = new Socket()) {
                    socket.connect(
                            new InetSocketAddress(
                                    podIp, port(probe.getTcpSocket().getPort(), container)),
                            timeoutMillis);
                    return true;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A port number, or the number of a named container port. */
    static int port(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        if (container.getPorts() != null) {
            for (ContainerPort candidate : container.getPorts()) {
                if (port.getStrVal().equals(candidate.getName())) {
                    return candidate.getContainerPort();
                }
            }
        }
        throw new IllegalArgumentException("no container port named " + port.getStrVal());
    }
}
