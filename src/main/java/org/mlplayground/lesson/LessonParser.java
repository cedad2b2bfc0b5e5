package org.mlplayground.lesson;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlplayground.train.TrainingConfig;

/**
 * Reads a lesson file by hand, line by line, so that every problem names its line: the header between two
 * {@code ---} lines ({@code key: value}, blank lines and {@code #} comments allowed), then the Markdown body,
 * whose level-2 headings that start with "Try this" (or the header's {@code task-heading}) open the tasks.
 * Within a task, {@code set: key = value} lines are the changes Next task applies.
 */
public final class LessonParser {
    /** Header keys that describe the lesson rather than the preset. */
    static final List<String> LESSON_KEYS = List.of("title", "topics", "view", "hide", "task-heading");
    private static final Pattern SET = Pattern.compile("^set:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TASKS = 10;

    private LessonParser() {
    }

    /**
     * Reads the lesson in {@code path} (UTF-8).
     *
     * @param language {@code en} or the language folder it sits in
     * @throws LessonException naming the file, the line and what is wrong
     */
    public static Lesson read(Path path, String language) throws LessonException {
        String file = path.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new LessonException(file, 0, "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new LessonException(file, 0, "cannot read the file: " + e.getMessage());
        }
        String name = path.getFileName().toString();
        String id = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return parse(text, file, id, language);
    }

    /**
     * Reads a lesson from its text.
     *
     * @param file the name errors carry
     * @throws LessonException naming {@code file}, the line and what is wrong
     */
    public static Lesson parse(String text, String file, String id, String language) throws LessonException {
        try {
            return parseLines(text, id, language, file);
        } catch (LineError e) {
            throw new LessonException(file, e.line, e.getMessage());
        }
    }

    private static Lesson parseLines(String text, String id, String language, String file) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new LineError(1, "a lesson starts with a header between two '---' lines (see lessons/README.md)");
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) throw new LineError(1, "the header that starts on line 1 is not closed by a '---' line");

        // The header.
        PresetDraft draft = new PresetDraft(TrainingConfig.defaults(), null);
        Map<String, Integer> seen = new HashMap<>();
        String title = null;
        List<String> topics = List.of();
        LessonView view = LessonView.PLAYGROUND;
        Set<Control> hidden = EnumSet.noneOf(Control.class);
        String taskHeading = "Try this";
        for (int i = 1; i < close; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new LineError(lineNo, "expected 'key: value', got '" + line + "'");
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (!LESSON_KEYS.contains(key) && !PresetDraft.isKey(key)) throw new LineError(lineNo, unknown(key));
            Integer first = seen.putIfAbsent(key, lineNo);
            if (first != null && !key.equals("lab-optimizer")) {
                throw new LineError(lineNo, "'" + key + "' is set twice (first on line " + first + ")");
            }
            if (value.isEmpty() && !key.equals("hide") && !key.equals("topics")) {
                throw new LineError(lineNo, "'" + key + "' needs a value");
            }
            try {
                switch (key) {
                    case "title" -> title = value;
                    case "topics" -> topics = list(value);
                    case "view" -> view = LessonView.byId(value);
                    case "hide" -> {
                        for (String c : list(value)) hidden.add(Control.byId(c));
                    }
                    case "task-heading" -> taskHeading = value;
                    default -> draft.set(key, value, lineNo);
                }
            } catch (LineError e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new LineError(lineNo, e.getMessage());
            }
        }
        if (title == null) throw new LineError(1, "the header has no title: add a line 'title: …'");
        TrainingConfig config = draft.config();
        LabPreset lab = draft.labPreset();
        if (view == LessonView.OPTIMIZER_LAB && lab == null) lab = LabPreset.DEFAULT;

        // The body and its tasks.
        Pattern heading = Pattern.compile("^##\\s+" + Pattern.quote(taskHeading) + "\\b\\s*[:.—–-]?\\s*(.*)$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        StringBuilder body = new StringBuilder();
        List<Task> tasks = new ArrayList<>();
        String taskTitle = null;
        int taskLine = 0;
        StringBuilder taskText = new StringBuilder();
        List<Setting> changes = new ArrayList<>();
        boolean fenced = false;
        TrainingConfig running = config;
        LabPreset runningLab = lab;
        for (int i = close + 1; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            int lineNo = i + 1;
            Matcher m = line == null || fenced ? null : heading.matcher(line.strip());
            if (line == null || m.matches()) {
                if (taskTitle != null) {
                    Task task = new Task(taskTitle, taskText.toString().strip(), changes, taskLine);
                    running = task.apply(running);
                    runningLab = task.applyLab(runningLab);
                    tasks.add(task);
                }
                if (line == null) break;
                taskTitle = m.group(1).strip();
                taskLine = lineNo;
                if (taskTitle.isEmpty()) throw new LineError(lineNo, "a task needs a title after '" + taskHeading + ":'");
                if (tasks.size() == MAX_TASKS) throw new LineError(lineNo, "a lesson has at most " + MAX_TASKS + " tasks");
                taskText = new StringBuilder();
                changes = new ArrayList<>();
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) fenced = !fenced;
            Matcher set = fenced ? null : SET.matcher(trimmed);
            if (set != null && set.matches()) {
                if (taskTitle == null) throw new LineError(lineNo, "'set:' lines belong in a task; the lesson's own settings go in the header");
                if (tasks.isEmpty()) {
                    throw new LineError(lineNo, "the first task starts from the preset: put its settings in the header");
                }
                changes.add(change(set.group(1), lineNo));
                continue;
            }
            (taskTitle == null ? body : taskText).append(line).append('\n');
        }
        if (tasks.isEmpty()) {
            throw new LineError(close + 1, "the lesson has no tasks: add sections that start with '## " + taskHeading + ": …'");
        }
        checkFormulas(body.toString(), close + 2);
        for (Task t : tasks) checkFormulas(t.text(), t.line() + 1);
        return new Lesson(id, language, title, topics, config, view, hidden, lab, body.toString().strip(), tasks, file);
    }

    private static Setting change(String text, int lineNo) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw new LineError(lineNo, "expected 'set: key = value', got 'set: " + text + "'");
        String key = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(eq + 1).strip();
        if (LESSON_KEYS.contains(key)) throw new LineError(lineNo, "'" + key + "' belongs in the header; a task cannot change it");
        if (!PresetDraft.isKey(key)) throw new LineError(lineNo, unknown(key));
        if (value.isEmpty()) throw new LineError(lineNo, "'" + key + "' needs a value");
        return new Setting(key, value, lineNo);
    }

    /**
     * Every formula must close and typeset. Line numbers of a task's text are approximate once {@code set:} lines
     * have been taken out above a formula, so errors name the formula itself too.
     */
    private static void checkFormulas(String markdown, int firstLine) {
        MathText.Protected p = MathText.protect(markdown, firstLine);
        for (MathText.Formula f : p.formulas()) {
            try {
                new org.scilab.forge.jlatexmath.TeXFormula(f.tex());
            } catch (RuntimeException e) {
                throw new LineError(f.line(), "cannot typeset the formula '" + f.tex() + "': " + e.getMessage());
            }
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String part : value.split(",")) if (!part.isBlank()) items.add(part.strip());
        return items;
    }

    /** "unknown setting 'lerning-rate' (did you mean 'learning-rate'?)". */
    private static String unknown(String key) {
        List<String> all = new ArrayList<>(LESSON_KEYS);
        all.addAll(PresetDraft.CONFIG_KEYS);
        all.addAll(PresetDraft.LAB_KEYS);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : all) {
            int d = distance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        String message = "unknown setting '" + key + "'";
        return bestDistance <= Math.max(2, key.length() / 4) ? message + " (did you mean '" + best + "'?)"
                : message + " (see lessons/README.md for the settings)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
