package io.tributary.broker.config;

import java.util.Map;

/** Turns the pool's server.properties template into this node's server.properties. */
public final class ServerPropertiesRenderer {
    private ServerPropertiesRenderer() {}

    /** A rendered server.properties and what the launcher reads from it. */
    public record Rendered(String text, ServerConfig config) {}

    /**
     * Resolves the placeholders (computed values first, then the environment) and, when the
     * template leaves it out, adds a dedupe buffer size that fits {@code maxHeapBytes}.
     */
    public static Rendered render(
            String template,
            Map<String, String> computed,
            Map<String, String> env,
            long maxHeapBytes) {
        String text = ConfigTemplate.render(template, computed, env);
        ServerConfig config = ServerConfig.parse(text);
        if (config.dedupeBufferSize().isEmpty()) {
            long size = DedupeBufferSizing.forHeap(maxHeapBytes, config.cleanerThreads());
            text =
                    text
                            + (text.isEmpty() || text.endsWith("\n") ? "" : "\n")
                            + "# Added by the Tributary broker launcher: fits a max heap of "
                            + (maxHeapBytes / (1024 * 1024))
                            + " MiB\n"
                            + ServerConfig.DEDUPE_BUFFER_SIZE
                            + "="
                            + size
                            + "\n";
            config = ServerConfig.parse(text);
        }
        return new Rendered(text, config);
    }
}
