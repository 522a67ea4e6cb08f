package io.chatda.bench;

/**
 * How often, and for how long, this machine takes the CPU away from a thread that never blocks: one
 * thread reads the clock in a loop and counts the gaps between reads. A lookup of 25 µs that meets
 * such a gap takes 25 µs plus the gap, so the share of time lost and the gaps' sizes bound what a
 * latency percentile can show here, whatever the code. Run:
 *
 * <pre>
 * java -cp bench/target/classes io.chatda.bench.MachineJitter [seconds]
 * </pre>
 */
public final class MachineJitter {

    private MachineJitter() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long[] limits = {5_000, 10_000, 20_000, 50_000, 100_000, 200_000, Long.MAX_VALUE};
        String[] names = {"5-10 µs", "10-20 µs", "20-50 µs", "50-100 µs", "100-200 µs", "> 200 µs"};
        long[] counts = new long[names.length];
        long lost = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long previous = start;
        while (previous < end) {
            long now = System.nanoTime();
            long gap = now - previous;
            if (gap >= limits[0]) {
                lost += gap;
                for (int b = 0; b < names.length; b++) {
                    if (gap < limits[b + 1]) {
                        counts[b]++;
                        break;
                    }
                }
            }
            previous = now;
        }
        double elapsed = (previous - start) / 1e9;
        System.out.printf(
                "%.1f s: %.2f %% of the time in gaps of 5 µs or more%n", elapsed, 100.0 * lost / (previous - start));
        for (int b = 0; b < names.length; b++) {
            System.out.printf("  %-10s %8d  (%.0f per second)%n", names[b], counts[b], counts[b] / elapsed);
        }
    }
}
