package org.mlplayground.experiment;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Experiment files on disk. Saving is atomic: the JSON goes to a temporary file in the same folder, is forced to
 * the disk, and only then replaces the old file in one move, so a crash, a kill or a full disk in the middle of a
 * save leaves the previous file as it was (and at worst a stray {@code .tmp} file beside it). Reading refuses a
 * damaged file with a message naming the file, the place and the problem.
 */
public final class ExperimentFiles {
    private ExperimentFiles() {
    }

    /**
     * Wraps the stream the JSON is written to; tests pass one that fails or waits half way, to show that an
     * interrupted save leaves the old file intact.
     */
    @FunctionalInterface
    public interface Sink {
        OutputStream wrap(OutputStream file) throws IOException;

        /** The file's stream as it is. */
        Sink PLAIN = file -> file;
    }

    /** Saves {@code e} to {@code file} atomically. */
    public static void save(Path file, Experiment e) throws IOException {
        save(file, e, Sink.PLAIN);
    }

    /**
     * Saves {@code e} to {@code file} atomically, writing through {@code sink}. The writing thread's interrupt
     * stops the save at the next write with an {@link InterruptedIOException}; the old file stays.
     */
    public static void save(Path file, Experiment e, Sink sink) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = sink.wrap(new InterruptibleStream(Channels.newOutputStream(channel)));
                ExperimentWriter.write(e, out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads an experiment file.
     *
     * @throws ExperimentFileException naming the file and what is wrong (also when it cannot be read at all)
     */
    public static Experiment read(Path file) throws ExperimentFileException {
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return ExperimentReader.read(in, name);
        } catch (NoSuchFileException e) {
            throw new ExperimentFileException(name + ": no such file", e);
        } catch (IOException e) {
            throw new ExperimentFileException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Stops writing as soon as the writing thread is interrupted. */
    private static final class InterruptibleStream extends FilterOutputStream {
        InterruptibleStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
        }

        private static void check() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("saving was interrupted");
        }
    }
}
