package org.mlplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.optim.Momentum;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/** A save that dies half way leaves the file saved before it as it was, loadable. */
class AtomicSaveTest {

    private static Experiment after(int steps) {
        TrainingConfig config = ExperimentRoundTripTest.config(new Momentum.Settings(0.9), 0.01);
        Trainer trainer = new Experiment(config, new ExperimentData.FromRecipe(), null).trainer();
        for (int i = 0; i < steps; i++) trainer.step();
        return new Experiment(config, new ExperimentData.FromRecipe(), trainer.checkpoint());
    }

    /** Passes {@code limit} bytes on, then acts as the process dying: the rest never reaches the file. */
    private static final class DiesAfter extends FilterOutputStream {
        private long left;

        DiesAfter(OutputStream out, long limit) {
            super(out);
            left = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                out.flush();
                left = 0;
                throw new IOException("killed");
            }
            left -= len;
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private static void assertOnlyFile(Path dir, Path file) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aSaveThatDiesHalfWayLeavesTheOldFileLoadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("class.json");
        Experiment old = after(20);
        ExperimentFiles.save(file, old);
        byte[] before = Files.readAllBytes(file);
        Experiment later = after(300);

        IOException e = assertThrows(IOException.class, () -> ExperimentFiles.save(file, later, out -> new DiesAfter(out, 3000)));

        assertEquals("killed", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(20, ExperimentFiles.read(file).state().step());
        assertOnlyFile(dir, file);
    }

    @Test
    void aSaveInterruptedWhileWritingLeavesTheOldFileLoadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("class.json");
        ExperimentFiles.save(file, after(20));
        byte[] before = Files.readAllBytes(file);
        Experiment later = after(300);
        CountDownLatch halfWay = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // After 2000 bytes the writer waits for the test to interrupt it, as a window closing mid-save would.
        Thread writer = new Thread(() -> {
            try {
                ExperimentFiles.save(file, later, out -> new FilterOutputStream(out) {
                    long written;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        written += len;
                        if (written >= 2000 && halfWay.getCount() > 0) {
                            halfWay.countDown();
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException stop) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        assertTrue(halfWay.await(10, TimeUnit.SECONDS));
        writer.interrupt();
        writer.join(10_000);

        assertTrue(failure.get() instanceof InterruptedIOException, String.valueOf(failure.get()));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(20, ExperimentFiles.read(file).state().step());
        assertOnlyFile(dir, file);
    }

    @Test
    void aCompletedSaveReplacesTheOldFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("class.json");
        ExperimentFiles.save(file, after(20));
        ExperimentFiles.save(file, after(300));

        assertEquals(300, ExperimentFiles.read(file).state().step());
        assertOnlyFile(dir, file);
    }
}
