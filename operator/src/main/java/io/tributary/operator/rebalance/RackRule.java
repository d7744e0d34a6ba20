package io.tributary.operator.rebalance;

/**
 * How many replicas of a partition each rack may hold, so that a partition's replicas spread over
 * the racks as evenly as the racks' brokers allow. With replication factor k over R racks (counting
 * only brokers that stay), the fewest replicas any rack must take on is m, the smallest number for
 * which {@code sum over racks of min(brokers in rack, m) >= k}; a rack then holds at most {@code
 * min(brokers in rack, m)} and at least {@code min(brokers in rack, floor(k / R))}. With R >= k
 * this is "no two replicas in one rack". Brokers without racks form one rack, where the rule allows
 * anything.
 */
final class RackRule {
    private final int[] rackOf;
    private final int racks;
    private final int[][] lower;
    private final int[][] upper;

    /**
     * @param rackOf per broker index, its rack index (0 to racks - 1), or -1 for brokers being
     *     drained
     * @param maxFactor the highest replication factor to plan for; at most the number of brokers
     *     that stay
     */
    RackRule(int[] rackOf, int racks, int maxFactor) {
        this.rackOf = rackOf.clone();
        this.racks = racks;
        int[] size = new int[racks];
        for (int rack : rackOf) {
            if (rack >= 0) {
                size[rack]++;
            }
        }
        lower = new int[maxFactor + 1][racks];
        upper = new int[maxFactor + 1][racks];
        for (int k = 1; k <= maxFactor; k++) {
            int most = 1;
            while (capacity(size, most) < k) {
                most++;
            }
            for (int r = 0; r < racks; r++) {
                upper[k][r] = Math.min(size[r], most);
                lower[k][r] = Math.min(size[r], k / racks);
            }
        }
    }

    private static int capacity(int[] size, int most) {
        int total = 0;
        for (int s : size) {
            total += Math.min(s, most);
        }
        return total;
    }

    int racks() {
        return racks;
    }

    int rackOf(int broker) {
        return rackOf[broker];
    }

    int lower(int factor, int rack) {
        return lower[factor][rack];
    }

    int upper(int factor, int rack) {
        return upper[factor][rack];
    }

    /** Replicas per rack, counting brokers that stay. */
    int[] rackCounts(int[] replicas) {
        int[] counts = new int[racks];
        for (int replica : replicas) {
            if (replica >= 0 && rackOf[replica] >= 0) {
                counts[rackOf[replica]]++;
            }
        }
        return counts;
    }

    /**
     * Whether a partition that keeps the rule still keeps it after its replica on {@code from}
     * moves to {@code to}; both brokers stay.
     */
    boolean allowsMove(int[] replicas, int from, int to) {
        int fromRack = rackOf[from];
        int toRack = rackOf[to];
        if (fromRack == toRack) {
            return true;
        }
        int onFrom = 0;
        int onTo = 0;
        for (int replica : replicas) {
            int rack = rackOf[replica];
            if (rack == fromRack) {
                onFrom++;
            } else if (rack == toRack) {
                onTo++;
            }
        }
        int k = replicas.length;
        return onTo + 1 <= upper[k][toRack] && onFrom - 1 >= lower[k][fromRack];
    }
}
