package org.mlplayground.lesson;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * What a student has done, remembered between runs: the tasks done in each lesson and the lesson open last,
 * in a small properties file ({@code last = 01-perceptron-xor}, {@code done.01-perceptron-xor = 0,1}). A
 * missing or unreadable file starts afresh: progress is a convenience, never a reason not to start. Not
 * thread-safe: the FX thread owns it.
 */
public final class Progress {
    private final Path file;
    private final Map<String, SortedSet<Integer>> done = new TreeMap<>();
    private String last;

    private Progress(Path file) {
        this.file = file;
    }

    /** {@code ~/.mlplayground/progress.properties}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".mlplayground", "progress.properties");
    }

    /** The progress saved in {@code file}; empty progress if there is none or it cannot be read. */
    public static Progress load(Path file) {
        Progress p = new Progress(file);
        if (!Files.isRegularFile(file)) return p;
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return p; // corrupt or unreadable: start fresh
        }
        String lastId = props.getProperty("last");
        if (lastId != null && !lastId.isBlank()) p.last = lastId.strip();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("done.")) continue;
            SortedSet<Integer> tasks = new TreeSet<>();
            for (String part : props.getProperty(key).split(",")) {
                try {
                    int t = Integer.parseInt(part.strip());
                    if (t >= 0) tasks.add(t);
                } catch (NumberFormatException e) {
                    // a damaged entry loses only itself
                }
            }
            if (!tasks.isEmpty()) p.done.put(key.substring("done.".length()), tasks);
        }
        return p;
    }

    public Path file() {
        return file;
    }

    public boolean isTaskDone(String lessonId, int task) {
        SortedSet<Integer> tasks = done.get(lessonId);
        return tasks != null && tasks.contains(task);
    }

    public void markTaskDone(String lessonId, int task) {
        if (task < 0) throw new IllegalArgumentException("task numbers start at 0, got " + task);
        done.computeIfAbsent(lessonId, k -> new TreeSet<>()).add(task);
    }

    /** Whether every one of the lesson's tasks is done. */
    public boolean isLessonDone(Lesson lesson) {
        for (int t = 0; t < lesson.tasks().size(); t++) if (!isTaskDone(lesson.id(), t)) return false;
        return true;
    }

    /** The first task of the lesson not yet done, or its last task if all are. */
    public int nextTask(Lesson lesson) {
        for (int t = 0; t < lesson.tasks().size(); t++) if (!isTaskDone(lesson.id(), t)) return t;
        return lesson.tasks().size() - 1;
    }

    /** Forgets the lesson's done tasks, to do it again. */
    public void reset(String lessonId) {
        done.remove(lessonId);
    }

    public Optional<String> lastLesson() {
        return Optional.ofNullable(last);
    }

    public void setLastLesson(String lessonId) {
        last = lessonId;
    }

    /**
     * Writes the file (and its folder), through a temporary file so that a crash never leaves half a file.
     *
     * @throws IOException if it cannot be written
     */
    public void save() throws IOException {
        Properties props = new Properties();
        if (last != null) props.setProperty("last", last);
        for (Map.Entry<String, SortedSet<Integer>> e : done.entrySet()) {
            StringBuilder s = new StringBuilder();
            for (int t : e.getValue()) s.append(s.length() == 0 ? "" : ",").append(t);
            props.setProperty("done." + e.getKey(), s.toString());
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            props.store(out, "MLP Playground: lessons done");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
