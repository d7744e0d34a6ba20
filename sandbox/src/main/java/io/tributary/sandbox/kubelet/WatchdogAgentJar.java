package io.tributary.sandbox.kubelet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the {@link ParentWatchdog} agent jar that the sandbox's child JVMs load. */
final class WatchdogAgentJar {
    private WatchdogAgentJar() {}

    static Path write(Path directory) {
        Path jar = directory.resolve("sandbox-watchdog-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        try {
            Files.createDirectories(directory);
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    InputStream in =
                            ParentWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
                if (in == null) {
                    throw new IllegalStateException("cannot read " + entry);
                }
                out.putNextEntry(new JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
