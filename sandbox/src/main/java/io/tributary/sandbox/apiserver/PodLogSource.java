package io.tributary.sandbox.apiserver;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where {@code GET .../pods/<name>/log} reads a container's log: the kubelet of the sandbox plugs
 * one in. With {@code follow}, the stream should block for new output and end when the container
 * stops; the API server closes it when the client goes away.
 */
@FunctionalInterface
public interface PodLogSource {

    /** The log every pod has until a kubelet provides one: empty. */
    PodLogSource EMPTY = request -> InputStream.nullInputStream();

    /**
     * One log request.
     *
     * @param container the container asked for, or the pod's first container
     * @param tailLines the number of last lines asked for, {@code null} for all
     */
    record Request(
            String namespace,
            String pod,
            String container,
            boolean follow,
            Integer tailLines,
            boolean previous) {}

    InputStream open(Request request) throws IOException;
}
