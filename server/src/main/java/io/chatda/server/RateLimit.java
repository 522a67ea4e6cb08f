package io.chatda.server;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Locale;

/**
 * A per-client token bucket for one route: {@code burst} requests at once, refilled at
 * {@code perSecond}. {@link #OFF} lets everything through (e.g. behind a load balancer that limits).
 */
public record RateLimit(long perSecond, long burst) {

    /** No rate limit. */
    public static final RateLimit OFF = new RateLimit(0, 0);

    public RateLimit {
        if (perSecond < 0 || burst < 0 || (perSecond == 0) != (burst == 0)) {
            throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst > 0, or both 0 for off");
        }
    }

    boolean enabled() {
        return perSecond > 0;
    }

    /** This limit as a Bucket4j bandwidth: {@code burst} tokens, refilled greedily at {@code perSecond}. */
    public Bandwidth bandwidth() {
        return Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(perSecond, Duration.ofSeconds(1))
                .build();
    }

    /** A bucket configuration with this limit only, for buckets kept outside this process. */
    public BucketConfiguration bucketConfiguration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    /**
     * Parses {@code off}, {@code N} (N per second, burst 2N) or {@code N/B} (N per second, burst B).
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static RateLimit parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("0")) {
            return OFF;
        }
        try {
            int slash = t.indexOf('/');
            long rate = Long.parseLong(slash < 0 ? t : t.substring(0, slash));
            long burst = slash < 0 ? 2 * rate : Long.parseLong(t.substring(slash + 1));
            return new RateLimit(rate, burst);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate limit must be 'off', N or N/BURST, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return enabled() ? perSecond + "/" + burst : "off";
    }
}
