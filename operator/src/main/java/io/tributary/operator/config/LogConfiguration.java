package io.tributary.operator.config;

/**
 * Points Log4j 2 at the operator's configuration ({@code tributary-operator-log4j2.xml}) with the
 * level and format of the settings. It must run before the first logger is created; a configuration
 * given with {@code -Dlog4j2.configurationFile} wins.
 */
public final class LogConfiguration {
    static final String FILE = "tributary-operator-log4j2.xml";
    static final String LEVEL_PROPERTY = "tributary.operator.log.level";
    static final String FORMAT_PROPERTY = "tributary.operator.log.format";

    private LogConfiguration() {}

    public static void apply(OperatorSettings settings) {
        System.setProperty(LEVEL_PROPERTY, settings.logLevel());
        System.setProperty(FORMAT_PROPERTY, settings.logJson() ? "json" : "text");
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", FILE);
        }
    }
}
