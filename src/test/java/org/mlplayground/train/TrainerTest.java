package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/**
 * Mini-batch bookkeeping. The examples carry their own number as the first input, and after every step the
 * network's h_0 ({@link Network#input()}, its copy of the batch it just saw) tells which examples that step
 * used.
 */
class TrainerTest {
    private static final int EXAMPLES = 250;
    private static final NetworkSpec SPEC = NetworkSpec.input(2)
            .dense(3, Activation.tanh())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);

    /** Example i has input (i, 1) and label ±1 by parity. */
    private static Dataset numberedExamples() {
        double[][] x = new double[EXAMPLES][];
        double[] y = new double[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            x[i] = new double[] {i, 1};
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        return new Dataset("numbered", x, y);
    }

    private static Trainer trainer(int batchSize) {
        return new Trainer(Network.create(SPEC, Initializer.XAVIER_UNIFORM, 1), numberedExamples(), batchSize, 1e-3, 1);
    }

    /** The example numbers of the batch the last step used, in batch order. */
    private static int[] lastBatch(Trainer trainer) {
        DMatrixRMaj h0 = trainer.network().input();
        int[] ids = new int[h0.numCols];
        for (int c = 0; c < h0.numCols; c++) ids[c] = (int) h0.get(0, c);
        return ids;
    }

    /** The batches of one epoch, stepped one at a time. */
    private static List<int[]> stepThroughEpoch(Trainer trainer) {
        List<int[]> batches = new ArrayList<>();
        int epoch = trainer.epoch();
        while (trainer.epoch() == epoch) {
            trainer.step();
            batches.add(lastBatch(trainer));
        }
        return batches;
    }

    @Test
    void anEpochOf250ExamplesInBatchesOf10Takes25Steps() {
        Trainer trainer = trainer(10);

        for (int s = 1; s <= 24; s++) trainer.step();
        assertEquals(24, trainer.stepCount());
        assertEquals(0, trainer.epoch(), "24 batches of 10 cover only 240 examples");
        trainer.step();
        assertEquals(25, trainer.stepCount());
        assertEquals(1, trainer.epoch());

        trainer.runEpoch();
        assertEquals(50, trainer.stepCount());
        assertEquals(2, trainer.epoch());
    }

    @Test
    void batchesOf7EndTheEpochWithABatchOf5In36Steps() {
        Trainer trainer = trainer(7);

        List<int[]> batches = stepThroughEpoch(trainer);

        // 250 = 35·7 + 5: 35 full batches and one of 5.
        assertEquals(36, batches.size());
        assertEquals(36, trainer.stepCount());
        assertEquals(1, trainer.epoch());
        for (int k = 0; k < 35; k++) assertEquals(7, batches.get(k).length, "batch " + k);
        assertEquals(5, batches.get(35).length);
    }

    @Test
    void runEpochWithBatchesOf7Takes36Steps() {
        Trainer trainer = trainer(7);

        trainer.runEpoch();
        trainer.runEpoch();

        assertEquals(72, trainer.stepCount());
        assertEquals(2, trainer.epoch());
    }

    @Test
    void everyExampleIsVisitedExactlyOncePerEpoch() {
        Trainer trainer = trainer(7);

        for (int epoch = 0; epoch < 3; epoch++) {
            int[] visits = new int[EXAMPLES];
            for (int[] batch : stepThroughEpoch(trainer)) {
                for (int id : batch) visits[id]++;
            }
            int[] once = new int[EXAMPLES];
            Arrays.fill(once, 1);
            assertArrayEquals(once, visits, "visits per example in epoch " + epoch);
        }
    }

    @Test
    void examplesAreReshuffledEveryEpoch() {
        Trainer trainer = trainer(10);

        int[] first = stepThroughEpoch(trainer).stream().flatMapToInt(Arrays::stream).toArray();
        int[] second = stepThroughEpoch(trainer).stream().flatMapToInt(Arrays::stream).toArray();

        int[] inFileOrder = new int[EXAMPLES];
        Arrays.setAll(inFileOrder, i -> i);
        assertFalse(Arrays.equals(inFileOrder, first), "the first epoch should be shuffled");
        assertFalse(Arrays.equals(first, second), "the second epoch should be shuffled anew");
    }
}
