package io.tributary.operator.roll;

import java.time.Duration;

/**
 * How a roll is paced: a pause after each restarted node is back, and whether brokers of one rack
 * may restart together.
 */
public record RollOptions(Duration pauseBetweenNodes, boolean byRack) {
    public static RollOptions defaults() {
        return new RollOptions(Duration.ZERO, false);
    }
}
