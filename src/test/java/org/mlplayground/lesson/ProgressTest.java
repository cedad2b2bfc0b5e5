package org.mlplayground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress survives a restart; a damaged file starts afresh instead of stopping the app. */
class ProgressTest {
    @TempDir
    Path dir;

    private static Lesson twoTasks() throws LessonException {
        return LessonParser.parse("---\ntitle: T\n---\nx\n## Try this: a\nA.\n## Try this: b\nB.\n", "t.md", "t", "en");
    }

    @Test
    void doneTasksAndTheLastLessonAreRememberedBetweenRuns() throws IOException, LessonException {
        Path file = dir.resolve("sub/progress.properties");
        Progress p = Progress.load(file);
        Lesson lesson = twoTasks();
        assertEquals(0, p.nextTask(lesson));
        p.markTaskDone("t", 0);
        p.setLastLesson("t");
        p.save();

        Progress again = Progress.load(file);
        assertTrue(again.isTaskDone("t", 0));
        assertFalse(again.isTaskDone("t", 1));
        assertFalse(again.isLessonDone(lesson));
        assertEquals(1, again.nextTask(lesson));
        assertEquals(Optional.of("t"), again.lastLesson());
        again.markTaskDone("t", 1);
        assertTrue(again.isLessonDone(lesson));
    }

    @Test
    void aMissingFileIsNoProgress() {
        Progress p = Progress.load(dir.resolve("none.properties"));
        assertEquals(Optional.empty(), p.lastLesson());
        assertFalse(p.isTaskDone("t", 0));
    }

    @Test
    void aCorruptFileStartsFreshWithoutFailing() throws IOException {
        Path file = dir.resolve("progress.properties");
        // A malformed \\u escape makes Properties.load throw.
        Files.writeString(file, "last=\\u12\ndone.t=0\n");
        Progress p = Progress.load(file);
        assertEquals(Optional.empty(), p.lastLesson());
        assertFalse(p.isTaskDone("t", 0));
    }

    @Test
    void aDamagedEntryLosesOnlyItself() throws IOException {
        Path file = dir.resolve("progress.properties");
        Files.writeString(file, "last=a\ndone.a=0,x,2\ndone.b=junk\n");
        Progress p = Progress.load(file);
        assertTrue(p.isTaskDone("a", 0));
        assertTrue(p.isTaskDone("a", 2));
        assertFalse(p.isTaskDone("a", 1));
        assertFalse(p.isTaskDone("b", 0));
        assertEquals(Optional.of("a"), p.lastLesson());
    }
}
