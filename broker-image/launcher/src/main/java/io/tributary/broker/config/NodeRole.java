package io.tributary.broker.config;

import io.tributary.broker.LauncherException;
import java.util.Locale;

/** A KRaft process role, as listed in {@code process.roles}. */
public enum NodeRole {
    BROKER,
    CONTROLLER;

    public static NodeRole parse(String role) {
        try {
            return valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LauncherException(
                    "process.roles contains '" + role + "'; expected broker and/or controller");
        }
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
