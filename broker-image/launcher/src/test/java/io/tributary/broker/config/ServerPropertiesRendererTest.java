package io.tributary.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering adds a heap-sized dedupe buffer only when the template has none. */
class ServerPropertiesRendererTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void addsADedupeBufferSizeThatFitsTheHeap() {
        ServerPropertiesRenderer.Rendered rendered =
                ServerPropertiesRenderer.render(
                        "process.roles=broker\nnode.id=${TRIBUTARY_NODE_ID}",
                        Map.of("TRIBUTARY_NODE_ID", "4"),
                        Map.of(),
                        256 * MIB);

        assertThat(rendered.text())
                .startsWith("process.roles=broker\nnode.id=4\n# Added by the Tributary")
                .endsWith("\nlog.cleaner.dedupe.buffer.size=33554432\n");
        assertThat(rendered.config().dedupeBufferSize()).contains(32 * MIB);
    }

    @Test
    void sizesTheBufferForTheConfiguredCleanerThreads() {
        ServerPropertiesRenderer.Rendered rendered =
                ServerPropertiesRenderer.render(
                        "process.roles=broker\nlog.cleaner.threads=16\n",
                        Map.of(),
                        Map.of(),
                        64 * MIB);

        assertThat(rendered.config().dedupeBufferSize()).contains(32 * MIB);
    }

    @Test
    void keepsADedupeBufferSizeTheTemplateSets() {
        String template = "process.roles=broker\nlog.cleaner.dedupe.buffer.size=${SIZE}\n";

        ServerPropertiesRenderer.Rendered rendered =
                ServerPropertiesRenderer.render(
                        template, Map.of(), Map.of("SIZE", "5000000"), 128 * MIB);

        assertThat(rendered.text())
                .isEqualTo("process.roles=broker\nlog.cleaner.dedupe.buffer.size=5000000\n");
        assertThat(rendered.config().dedupeBufferSize()).contains(5000000L);
    }
}
