package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The numbers of the F3 readout, from frame times given by hand. */
class FrameMeterTest {

    @Test
    void framesEvery20MillisecondsAre50PerSecond() {
        FrameMeter meter = new FrameMeter();
        for (int i = 0; i < 100; i++) meter.frame(i * 20_000_000L, 2_000_000L, 3L * i);
        assertEquals(50.0, meter.fps(), 1e-9);
        assertEquals(2.0, meter.medianDrawMillis(), 1e-9);
        assertEquals(3.0, meter.epochsPerFrame(), 1e-9);
    }

    @Test
    void theDrawTimeIsTheMedianSoOneSlowFrameDoesNotMoveIt() {
        FrameMeter meter = new FrameMeter();
        for (int i = 0; i < 11; i++) meter.frame(i * 16_000_000L, i == 5 ? 90_000_000L : 1_000_000L, 0);
        assertEquals(1.0, meter.medianDrawMillis(), 1e-9);
        assertEquals(0.0, meter.epochsPerFrame(), "paused: no epochs");
    }

    @Test
    void onlyTheLastSecondCounts() {
        FrameMeter meter = new FrameMeter();
        for (int i = 0; i < 30; i++) meter.frame(i * 100_000_000L, 0, 0); // 10 fps for 3 s
        assertEquals(10.0, meter.fps(), 1e-9);
    }
}
