package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The resumable generator against the JDK's SplittableRandom, the reference it must match draw for draw. */
class ResumableRandomTest {

    @Test
    void everyKindOfDrawMatchesSplittableRandom() {
        for (long seed : new long[] {0, 1, -1, 42, Long.MAX_VALUE, 0x123456789abcdefL}) {
            SplittableRandom reference = new SplittableRandom(seed);
            ResumableRandom mine = ResumableRandom.of(seed);
            for (int i = 0; i < 2000; i++) {
                switch (i % 7) {
                    case 0 -> assertEquals(reference.nextLong(), mine.nextLong());
                    case 1 -> assertEquals(reference.nextInt(), mine.nextInt());
                    case 2 -> assertEquals(reference.nextInt(1 + i), mine.nextInt(1 + i));
                    case 3 -> assertEquals(reference.nextDouble(), mine.nextDouble());
                    case 4 -> assertEquals(reference.nextGaussian(), mine.nextGaussian());
                    case 5 -> assertEquals(reference.nextBoolean(), mine.nextBoolean());
                    default -> assertEquals(reference.nextInt(7, 1000), mine.nextInt(7, 1000));
                }
            }
        }
    }

    @Test
    void splitMatchesSplittableRandomsSplit() {
        for (long seed = -3; seed < 40; seed++) {
            SplittableRandom reference = new SplittableRandom(seed).split();
            ResumableRandom mine = ResumableRandom.of(seed).split();
            for (int i = 0; i < 200; i++) {
                assertEquals(reference.nextGaussian(), mine.nextGaussian());
                assertEquals(reference.nextDouble(), mine.nextDouble());
            }
        }
    }

    @Test
    void aResumedGeneratorContinuesTheSequence() {
        ResumableRandom a = ResumableRandom.of(7).split();
        for (int i = 0; i < 123; i++) a.nextGaussian();
        ResumableRandom b = ResumableRandom.resume(a.seed(), a.gamma());
        for (int i = 0; i < 500; i++) assertEquals(a.nextLong(), b.nextLong());
    }
}
