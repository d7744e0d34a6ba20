package io.tributary.broker.health;

/** Whether the node is live and ready, and why (or why not) it is ready. */
public record Readiness(boolean live, boolean ready, String reason) {}
