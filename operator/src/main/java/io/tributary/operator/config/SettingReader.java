package io.tributary.operator.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads settings from an environment, collecting every invalid value, so that a misconfigured
 * operator names all of them at once. A blank value counts as unset.
 */
final class SettingReader {
    /** A DNS-1123 label: a namespace name. */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** A DNS-1123 subdomain: dot-separated labels, as object names and domains are. */
    static final Pattern DNS_SUBDOMAIN =
            Pattern.compile(
                    "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private final Map<String, String> environment;
    private final List<String> errors = new ArrayList<>();

    SettingReader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The value, if set and not blank, trimmed. */
    Optional<String> value(OperatorSetting setting) {
        String value = environment.get(setting.variable());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The value if it matches, else the fallback (and an error naming the rule). */
    String matching(OperatorSetting setting, String fallback, Pattern pattern, String rule) {
        Optional<String> value = value(setting);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            fail(setting, rule, value.get());
            return fallback;
        }
        return value.orElse(fallback);
    }

    /** A whole number of seconds, from 1 to a day. */
    Duration seconds(OperatorSetting setting, long fallback) {
        Optional<String> value = value(setting);
        if (value.isEmpty()) {
            return Duration.ofSeconds(fallback);
        }
        try {
            long seconds = Long.parseLong(value.get());
            if (seconds >= 1 && seconds <= MAX_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(setting, "must be a whole number of seconds from 1 to " + MAX_SECONDS, value.get());
        return Duration.ofSeconds(fallback);
    }

    /** {@code true} or {@code false}, in any case. */
    boolean bool(OperatorSetting setting, boolean fallback) {
        Optional<String> value = value(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        String lower = value.get().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.parseBoolean(lower);
        }
        fail(setting, "must be true or false", value.get());
        return fallback;
    }

    /** A TCP port; 0 asks for a free one. */
    int port(OperatorSetting setting, int fallback) {
        Optional<String> value = value(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(setting, "must be a port number from 0 to 65535", value.get());
        return fallback;
    }

    /** One of the given words, in any case; returned in upper case. */
    String oneOf(OperatorSetting setting, String fallback, List<String> words) {
        Optional<String> value = value(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        String upper = value.get().toUpperCase(Locale.ROOT);
        if (words.contains(upper)) {
            return upper;
        }
        fail(setting, "must be one of " + String.join(", ", words), value.get());
        return fallback;
    }

    void fail(OperatorSetting setting, String rule, String value) {
        errors.add(setting.label() + " " + rule + ", got: '" + value + "'");
    }

    /** Throws one exception naming every invalid setting, if there is any. */
    void requireValid() {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid operator settings:\n  " + String.join("\n  ", errors));
        }
    }
}
