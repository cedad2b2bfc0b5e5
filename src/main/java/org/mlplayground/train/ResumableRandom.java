package org.mlplayground.train;

import java.util.random.RandomGenerator;

/**
 * The generator of {@link java.util.SplittableRandom} (SplitMix64, Steele, Lea &amp; Flood 2014), number for number,
 * with its state in the open: a position {@code seed} that every draw advances by an odd {@code gamma}, and the
 * draw is a mixing of the new position. {@code nextLong} = mix64(seed += gamma), {@code nextInt} =
 * mix32(seed += gamma); every other draw ({@code nextInt(bound)}, {@code nextDouble}, {@code nextGaussian}, …)
 * is {@link RandomGenerator}'s default built on those two, exactly as {@code SplittableRandom} does it on
 * Java 17. So a run that draws from this generator gives the same numbers as one drawing from
 * {@code SplittableRandom}, and can be saved ({@link #seed()}, {@link #gamma()}) and resumed
 * ({@link #resume}) at any point.
 */
public final class ResumableRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private final long gamma;

    private ResumableRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** The generator {@code new SplittableRandom(seed)} is. */
    public static ResumableRandom of(long seed) {
        return new ResumableRandom(seed, GOLDEN_GAMMA);
    }

    /**
     * A generator saved earlier with {@link #seed()} and {@link #gamma()}.
     *
     * @throws IllegalArgumentException if {@code gamma} is even (no generator of this kind has such a step)
     */
    public static ResumableRandom resume(long seed, long gamma) {
        if ((gamma & 1) == 0) throw new IllegalArgumentException("a generator's gamma is odd, got " + gamma);
        return new ResumableRandom(seed, gamma);
    }

    /** The current position; with {@link #gamma()} the whole state. */
    public long seed() {
        return seed;
    }

    /** The step the position moves by with every draw. */
    public long gamma() {
        return gamma;
    }

    /** A new generator, as {@code SplittableRandom.split()} makes it (this one advances by two draws). */
    public ResumableRandom split() {
        return new ResumableRandom(nextLong(), mixGamma(nextSeed()));
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd gamma with enough bit transitions, as SplittableRandom picks it. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
