package io.tributary.sandbox.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM environment the operator's image gives it ({@code MALLOC_ARENA_MAX} and {@code
 * JAVA_TOOL_OPTIONS}, read from {@code operator/Dockerfile}), so that a benchmark or a test runs
 * the operator with exactly the settings it has in a cluster.
 */
public final class OperatorImage {
    private static final Pattern DOCKERFILE_ENV =
            Pattern.compile("(MALLOC_ARENA_MAX|JAVA_TOOL_OPTIONS)=(\"([^\"]*)\"|(\\S+))");

    private OperatorImage() {}

    /** The image's environment for the JVM, by variable. */
    public static Map<String, String> environment(Path repositoryRoot) {
        try {
            String dockerfile = Files.readString(repositoryRoot.resolve("operator/Dockerfile"));
            Map<String, String> env = new LinkedHashMap<>();
            Matcher matcher = DOCKERFILE_ENV.matcher(dockerfile);
            while (matcher.find()) {
                env.put(
                        matcher.group(1),
                        matcher.group(3) != null ? matcher.group(3) : matcher.group(4));
            }
            if (!env.containsKey("JAVA_TOOL_OPTIONS")) {
                throw new IllegalStateException("operator/Dockerfile sets no JAVA_TOOL_OPTIONS");
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's JVM options, one per element. */
    public static List<String> jvmOptions(Path repositoryRoot) {
        return Arrays.stream(environment(repositoryRoot).get("JAVA_TOOL_OPTIONS").split("\\s+"))
                .filter(o -> !o.isBlank())
                .toList();
    }
}
