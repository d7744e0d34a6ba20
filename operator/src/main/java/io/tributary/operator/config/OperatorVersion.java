package io.tributary.operator.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The operator's own version, written into its jar by the build. */
public final class OperatorVersion {
    private OperatorVersion() {}

    public static String current() {
        try (InputStream in =
                OperatorVersion.class.getResourceAsStream("/tributary-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
