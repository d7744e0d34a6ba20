package io.tributary.operator.rebalance;

import java.util.Arrays;

/**
 * The counts each broker that stays should end within: replicas within ±1 of the mean, and
 * preferred leaders within ±1 of theirs.
 *
 * <p>Where racks are uneven the rack rule can make the plain mean unreachable (with three racks and
 * replication factor 3 a rack of one broker holds a replica of every partition), so the replica
 * mean is taken per rack: racks share the replicas in proportion to their brokers (a common level
 * per broker), except that a rack takes no fewer than the rack rule forces onto it and no more than
 * it allows (water-filling). Without racks, or with racks of equal size, this is the plain mean.
 * The leader mean is the number of partitions over the brokers that stay.
 */
final class BalanceTargets {
    private final int[] replicaLow;
    private final int[] replicaHigh;
    private final int leaderLow;
    private final int leaderHigh;
    private final long[] rackBrokers;
    private final Fraction[] rackMean;

    private BalanceTargets(
            int[] replicaLow,
            int[] replicaHigh,
            int leaderLow,
            int leaderHigh,
            long[] rackBrokers,
            Fraction[] rackMean) {
        this.replicaLow = replicaLow;
        this.replicaHigh = replicaHigh;
        this.leaderLow = leaderLow;
        this.leaderHigh = leaderHigh;
        this.rackBrokers = rackBrokers;
        this.rackMean = rackMean;
    }

    /**
     * @param factors every partition's replication factor
     */
    static BalanceTargets compute(RackRule rule, int brokers, int[] factors) {
        int racks = rule.racks();
        long[] rackBrokers = new long[racks];
        int staying = 0;
        for (int b = 0; b < brokers; b++) {
            if (rule.rackOf(b) >= 0) {
                rackBrokers[rule.rackOf(b)]++;
                staying++;
            }
        }
        long[] least = new long[racks];
        long[] most = new long[racks];
        long total = 0;
        for (int k : factors) {
            total += k;
            for (int r = 0; r < racks; r++) {
                least[r] += rule.lower(k, r);
                most[r] += rule.upper(k, r);
            }
        }
        Fraction[] rackMean = waterFill(rackBrokers, least, most, total);
        int[] low = new int[brokers];
        int[] high = new int[brokers];
        for (int b = 0; b < brokers; b++) {
            int rack = rule.rackOf(b);
            if (rack >= 0) {
                low[b] = Math.max(0, rackMean[rack].minusOne().ceil());
                high[b] = rackMean[rack].plusOne().floor();
            }
        }
        Fraction leaderMean = new Fraction(factors.length, Math.max(1, staying));
        return new BalanceTargets(
                low,
                high,
                Math.max(0, leaderMean.minusOne().ceil()),
                leaderMean.plusOne().floor(),
                rackBrokers,
                rackMean);
    }

    /**
     * The level per broker of each rack: the level λ at which {@code sum of clamp(brokers_r × λ,
     * least_r, most_r)} equals the total, clamped per rack. The sum grows piecewise linearly with
     * λ, with corners where a rack reaches its least or most; the level lies between two corners.
     */
    private static Fraction[] waterFill(long[] brokers, long[] least, long[] most, long total) {
        int racks = brokers.length;
        if (racks == 0) {
            return new Fraction[0];
        }
        Fraction[] corners = new Fraction[2 * racks];
        for (int r = 0; r < racks; r++) {
            corners[2 * r] = new Fraction(least[r], brokers[r]);
            corners[2 * r + 1] = new Fraction(most[r], brokers[r]);
        }
        Arrays.sort(corners);
        Fraction below = null;
        Fraction level = corners[corners.length - 1];
        for (Fraction corner : corners) {
            int cmp = filled(corner, brokers, least, most).compareTo(new Fraction(total, 1));
            if (cmp >= 0) {
                level =
                        cmp == 0 || below == null
                                ? corner
                                : between(below, corner, brokers, least, most, total);
                break;
            }
            below = corner;
        }
        Fraction[] mean = new Fraction[racks];
        for (int r = 0; r < racks; r++) {
            mean[r] =
                    level.clamp(
                            new Fraction(least[r], brokers[r]), new Fraction(most[r], brokers[r]));
        }
        return mean;
    }

    /** The level strictly between two neighbouring corners where the racks sum to the total. */
    private static Fraction between(
            Fraction low, Fraction high, long[] brokers, long[] least, long[] most, long total) {
        long fixed = 0;
        long free = 0;
        for (int r = 0; r < brokers.length; r++) {
            if (new Fraction(most[r], brokers[r]).compareTo(low) <= 0) {
                fixed += most[r];
            } else if (new Fraction(least[r], brokers[r]).compareTo(high) >= 0) {
                fixed += least[r];
            } else {
                free += brokers[r];
            }
        }
        return new Fraction(total - fixed, free);
    }

    private static Fraction filled(Fraction level, long[] brokers, long[] least, long[] most) {
        // sum of clamp(brokers_r * num / den, least_r, most_r), over the common denominator den
        long sum = 0;
        for (int r = 0; r < brokers.length; r++) {
            long share = brokers[r] * level.num();
            sum += Math.min(Math.max(share, least[r] * level.den()), most[r] * level.den());
        }
        return new Fraction(sum, level.den());
    }

    int replicaLow(int broker) {
        return replicaLow[broker];
    }

    int replicaHigh(int broker) {
        return replicaHigh[broker];
    }

    /**
     * Whether a rack holding {@code replicas} holds more (1), fewer (-1) or exactly (0) as many as
     * its brokers' means add up to.
     */
    int rackExcess(int rack, long replicas) {
        Fraction mean = rackMean[rack];
        return Long.signum(replicas * mean.den() - rackBrokers[rack] * mean.num());
    }

    int leaderLow() {
        return leaderLow;
    }

    int leaderHigh() {
        return leaderHigh;
    }

    /** A non-negative rational number with a positive denominator, compared exactly. */
    private record Fraction(long num, long den) implements Comparable<Fraction> {
        @Override
        public int compareTo(Fraction other) {
            return Long.compare(num * other.den, other.num * den);
        }

        Fraction minusOne() {
            return new Fraction(num - den, den);
        }

        Fraction plusOne() {
            return new Fraction(num + den, den);
        }

        int floor() {
            return (int) Math.floorDiv(num, den);
        }

        int ceil() {
            return (int) -Math.floorDiv(-num, den);
        }

        Fraction clamp(Fraction low, Fraction high) {
            if (compareTo(low) < 0) {
                return low;
            }
            return compareTo(high) > 0 ? high : this;
        }
    }
}
