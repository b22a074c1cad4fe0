package dev.jwtflights.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The token buckets of one kind of key (usernames, or client addresses), in memory: one Bucket4j bucket per key that
 * was tried lately, holding {@code limit} tokens and refilled a little at a time, {@code limit} per {@code window}
 * ("greedy" refill: after a burst of {@code limit}, one more every {@code window / limit}).
 * <p>
 * A bucket left alone for a whole window is full again, the same as no bucket, so a key is forgotten a window after
 * it was last tried; and at most {@code maxKeys} keys are kept, whoever cycles through names or addresses (Caffeine
 * chooses which to drop, favouring keys tried often). The buckets and the cache both read the time from the
 * application's {@link Clock}, so tests move it instead of sleeping.
 */
final class Buckets {

    private final Cache<String, Bucket> buckets;

    private final int limit;

    private final Duration window;

    private final TimeMeter time;

    Buckets(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(window)
            .ticker(this.time::currentTimeNanos)
            // Housekeeping on the calling thread: no background work, and the bound holds after every call.
            .executor(Runnable::run)
            .build();
    }

    /**
     * Takes a token from the key's bucket, which is made full if the key has none.
     * @return empty if a token was taken; else how long until there is one (nothing was taken)
     */
    Optional<Duration> take(String key) {
        ConsumptionProbe probe = this.buckets.get(key, (newKey) -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until the key's bucket has a token: zero if it has one now. Makes no bucket. */
    Duration waitFor(String key) {
        Bucket bucket = this.buckets.getIfPresent(key);
        return (bucket != null) ? Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())
                : Duration.ZERO;
    }

    /** Gives back a token taken from the key's bucket (never more than it holds). */
    void giveBack(String key) {
        Bucket bucket = this.buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Whether the key's bucket is empty: its next attempt would be refused. */
    boolean isEmpty(String key) {
        Bucket bucket = this.buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() == 0;
    }

    int limit() {
        return this.limit;
    }

    Duration window() {
        return this.window;
    }

    /** How many keys are kept now, once pending evictions are done. */
    long size() {
        this.buckets.cleanUp();
        return this.buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
            .addLimit((bandwidth) -> bandwidth.capacity(this.limit).refillGreedy(this.limit, this.window))
            .withCustomTimePrecision(this.time)
            .build();
    }

    /** Bucket4j's time, and Caffeine's, from the application's clock, in nanoseconds since the epoch. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = this.clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

    }

}
