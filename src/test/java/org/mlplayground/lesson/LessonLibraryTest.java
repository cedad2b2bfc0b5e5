package org.mlplayground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of lessons: the bad one is a problem, the others load; translations replace their original. */
class LessonLibraryTest {
    @TempDir
    Path dir;

    private static String lesson(String title, String rate, String heading) {
        return "---\ntitle: " + title + "\nlearning-rate: " + rate + "\n" + (heading == null ? "" : "task-heading: " + heading + "\n")
                + "---\nText.\n\n## " + (heading == null ? "Try this" : heading) + ": one\nDo it.\n";
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aFolderWithOneBrokenLessonStillListsTheOthers() throws IOException {
        write("01-a.md", lesson("A", "0.03", null));
        write("02-b.md", lesson("B", "fast", null));
        write("03-c.md", lesson("C", "0.1", null));
        write("README.md", "# not a lesson");
        write("notes.txt", "not a lesson either");
        LessonLibrary library = LessonLibrary.load(dir);
        assertEquals(List.of("01-a", "03-c"), library.lessons().stream().map(Lesson::id).toList());
        assertEquals(1, library.problems().size());
        assertEquals(dir.resolve("02-b.md") + ":3: learning-rate must be a number > 0, got 'fast'",
                library.problems().get(0).getMessage());
    }

    @Test
    void aTranslationReplacesItsOriginalAndTheRestFallBackToEnglish() throws IOException {
        write("01-a.md", lesson("A", "0.03", null));
        write("02-b.md", lesson("B", "0.1", null));
        write("cs/01-a.md", lesson("A česky", "0.03", "Zkuste"));
        LessonLibrary library = LessonLibrary.load(dir);
        assertEquals(List.of(), library.problems());
        assertEquals(List.of("A česky", "B"), library.inLanguage("cs").stream().map(Lesson::title).toList());
        assertEquals(List.of("A", "B"), library.inLanguage("ru").stream().map(Lesson::title).toList());
        assertEquals(List.of("en", "cs"), library.languages());
        assertEquals("cs", library.find("01-a", "cs").orElseThrow().language());
        assertEquals("one", library.find("01-a", "cs").orElseThrow().tasks().get(0).title());
    }

    @Test
    void aTranslationWithAnotherPresetIsAProblem() throws IOException {
        write("01-a.md", lesson("A", "0.03", null));
        write("ru/01-a.md", lesson("A по-русски", "0.3", "Попробуйте"));
        LessonLibrary library = LessonLibrary.load(dir);
        assertEquals(List.of(dir.resolve("ru/01-a.md") + ": the translation's preset differs from " + dir.resolve("01-a.md")
                + "'s; a translation changes the words only"), library.problems().stream().map(Exception::getMessage).toList());
        assertEquals("A", library.find("01-a", "ru").orElseThrow().title());
    }

    @Test
    void aMissingFolderIsReportedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LessonLibrary.load(dir.resolve("nope")));
        assertEquals("no lesson folder " + dir.resolve("nope"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemOfItsOwn() throws IOException {
        write("01-a.md", lesson("A", "0.03", null));
        Files.write(dir.resolve("02-b.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        LessonLibrary library = LessonLibrary.load(dir);
        assertEquals(1, library.lessons().size());
        assertEquals(dir.resolve("02-b.md") + ": the file is not UTF-8 text; save it as UTF-8", library.problems().get(0).getMessage());
    }

    @Test
    void shippedTranslationsHaveTheirOriginalsPresetAndTaskChanges() {
        LessonLibrary library = LessonLibrary.load(Path.of("lessons"));
        for (String language : List.of("cs", "ru")) {
            List<Lesson> translated = library.lessons().stream().filter(l -> l.language().equals(language)).toList();
            assertTrue(translated.size() >= 3, language + ": " + translated.size() + " lessons");
            for (Lesson t : translated) {
                Lesson original = library.find(t.id(), "en").orElseThrow();
                assertEquals(original.config(), t.config(), t.source());
                assertEquals(original.tasks().size(), t.tasks().size(), t.source());
                for (int k = 0; k < t.tasks().size(); k++) assertEquals(original.configAtTask(k), t.configAtTask(k), t.source());
                assertEquals(original.hidden(), t.hidden(), t.source());
                assertEquals(original.view(), t.view(), t.source());
            }
        }
    }

    @Test
    void theShippedLessonsAreAlsoOnTheClassPath() throws Exception {
        Path onClassPath = Path.of(LessonLibraryTest.class.getResource("/org/mlplayground/lessons").toURI());
        LessonLibrary copy = LessonLibrary.load(onClassPath);
        assertEquals(List.of(), copy.problems());
        assertEquals(LessonLibrary.load(LessonLibrary.shippedFolder()).lessons().size(), copy.lessons().size());
    }
}
