package org.mlplayground.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lessons of one folder: every {@code *.md} in it (but README.md) in English, and every {@code *.md} in its
 * language folders ({@code cs/}, {@code ru/}: any two-letter folder) as translations with the same file name as
 * their original. A file that cannot be loaded becomes a problem and the others load; a translation whose preset
 * differs from its original's is a problem too, since a class following the lesson in two languages must see
 * the same playground.
 *
 * @param folder   where the lessons came from
 * @param lessons  every lesson that loaded, English first, each language in file-name order
 * @param problems every file that did not load, or a translation that does not match, in file-name order
 */
public record LessonLibrary(Path folder, List<Lesson> lessons, List<LessonException> problems) {
    public static final String ENGLISH = "en";

    public LessonLibrary {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /**
     * Loads every lesson of {@code folder}.
     *
     * @throws IllegalArgumentException if {@code folder} is not a folder that can be read
     */
    public static LessonLibrary load(Path folder) {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException("no lesson folder " + folder);
        List<Lesson> lessons = new ArrayList<>();
        List<LessonException> problems = new ArrayList<>();
        readFolder(folder, ENGLISH, lessons, problems);
        Map<String, Lesson> originals = new LinkedHashMap<>();
        for (Lesson l : lessons) originals.put(l.id(), l);
        for (Path sub : list(folder, Files::isDirectory)) {
            String language = sub.getFileName().toString();
            if (!language.matches("[a-z]{2}")) continue;
            List<Lesson> translated = new ArrayList<>();
            readFolder(sub, language, translated, problems);
            for (Lesson t : translated) {
                Lesson original = originals.get(t.id());
                if (original != null && !original.config().equals(t.config())) {
                    problems.add(new LessonException(t.source(), 0, "the translation's preset differs from "
                            + original.source() + "'s; a translation changes the words only"));
                } else if (original != null && !sameTaskChanges(original, t)) {
                    problems.add(new LessonException(t.source(), 0, "the translation's tasks change other settings than "
                            + original.source() + "'s; a translation changes the words only"));
                } else {
                    lessons.add(t);
                }
            }
        }
        return new LessonLibrary(folder, lessons, problems);
    }

    private static boolean sameTaskChanges(Lesson a, Lesson b) {
        if (a.tasks().size() != b.tasks().size()) return false;
        for (int t = 0; t < a.tasks().size(); t++) {
            if (!a.configAtTask(t).equals(b.configAtTask(t))) return false;
        }
        return java.util.Objects.equals(a.view(), b.view()) && a.hidden().equals(b.hidden())
                && java.util.Objects.equals(a.lab(), b.lab());
    }

    private static void readFolder(Path folder, String language, List<Lesson> lessons, List<LessonException> problems) {
        for (Path file : list(folder, p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md")
                && !p.getFileName().toString().equalsIgnoreCase("README.md"))) {
            try {
                lessons.add(LessonParser.read(file, language));
            } catch (LessonException e) {
                problems.add(e);
            }
        }
    }

    private static List<Path> list(Path folder, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(keep).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the lesson folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the shipped lessons are: {@code lessons/} in the working directory when the app runs from the project,
     * else the copy on the class path (inside the jar, a read-only folder of its file system).
     *
     * @throws IllegalStateException if neither exists (a build without its lessons)
     */
    public static Path shippedFolder() {
        Path local = Path.of("lessons");
        if (Files.isDirectory(local)) return local;
        java.net.URL url = LessonLibrary.class.getResource("/org/mlplayground/lessons");
        if (url == null) throw new IllegalStateException("the shipped lessons are missing from this build");
        try {
            java.net.URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    java.nio.file.FileSystems.newFileSystem(uri, Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    // opened before: Path.of finds it
                }
            }
            return Path.of(uri);
        } catch (java.net.URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the shipped lessons at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The languages with at least one lesson, English first. */
    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        languages.add(ENGLISH);
        for (Lesson l : lessons) if (!languages.contains(l.language())) languages.add(l.language());
        return languages;
    }

    /**
     * One version of every lesson, in the English lessons' order: the translation into {@code language} where there
     * is one, else the English lesson. Translations without an English original come last.
     */
    public List<Lesson> inLanguage(String language) {
        Map<String, Lesson> chosen = new LinkedHashMap<>();
        for (Lesson l : lessons) if (l.language().equals(ENGLISH)) chosen.put(l.id(), l);
        for (Lesson l : lessons) if (l.language().equals(language)) chosen.put(l.id(), l);
        return List.copyOf(chosen.values());
    }

    /** The lesson {@code id} in {@code language}, else in English. */
    public Optional<Lesson> find(String id, String language) {
        return inLanguage(language).stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
