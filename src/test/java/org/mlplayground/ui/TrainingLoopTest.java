package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class TrainingLoopTest {

    @Test
    void initialSnapshotIsReadyBeforeTheThreadStarts() {
        try (TrainingLoop loop = new TrainingLoop(RunSetup.circle(1))) {
            Snapshot first = loop.latest();
            assertEquals(0, first.step());
            assertFalse(first.running());
            assertTrue(first.trainLoss() > 0);
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersStepForStep() throws TimeoutException {
        Snapshot a = stepped(RunSetup.circle(7), 60);
        Snapshot b = stepped(RunSetup.circle(7), 60);
        assertEquals(a.trainLoss(), b.trainLoss(), 0.0);
        assertEquals(a.testLoss(), b.testLoss(), 0.0);
    }

    @Test
    void aDifferentSeedGivesADifferentRun() {
        try (TrainingLoop a = new TrainingLoop(RunSetup.circle(1));
                TrainingLoop b = new TrainingLoop(RunSetup.circle(2))) {
            assertTrue(a.latest().trainLoss() != b.latest().trainLoss());
        }
    }

    @Test
    void pausingStopsTrainingBeforeTheNextMiniBatch() throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(RunSetup.circle(1))) {
            loop.start();
            loop.play();
            await(loop, s -> s.running() && s.epoch() >= 3);
            loop.pause();
            Snapshot paused = await(loop, s -> !s.running());
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            assertEquals(paused.step(), loop.latest().step());
        }
    }

    private static Snapshot stepped(RunSetup setup, int steps) throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(setup)) {
            loop.start();
            for (int i = 0; i < steps; i++) loop.step();
            return await(loop, s -> s.step() == steps);
        }
    }

    private static Snapshot await(TrainingLoop loop, Predicate<Snapshot> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> condition.test(loop.latest()));
        return loop.latest();
    }
}
