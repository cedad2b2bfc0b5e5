package org.mlplayground.lesson;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mlplayground.train.TrainingConfig;

/**
 * A guided lesson, loaded from a Markdown file with a small header (lessons/README.md): data only, never code.
 * The header is the preset (the playground's config, the view that opens, the controls to hide, and for
 * optimizer lessons the lab's setup); the body is the text, then the "Try this" tasks.
 *
 * @param id       the file name without {@code .md}; a translation has the same id as its original
 * @param language {@code en}, or the language folder it came from ({@code cs}, {@code ru}, …)
 * @param topics   short topic names for the lesson browser
 * @param config   the playground's preset
 * @param view     the view that opens
 * @param hidden   the controls hidden while the lesson is open
 * @param lab      the optimizer lab's setup, or {@code null} if the lesson does not use the lab
 * @param body     the lesson's Markdown before its tasks; formulas as {@code $…$} and {@code $$…$$}
 * @param tasks    the "Try this" tasks, at least one
 * @param source   the file, as it was named when loading
 */
public record Lesson(String id, String language, String title, List<String> topics, TrainingConfig config,
        LessonView view, Set<Control> hidden, LabPreset lab, String body, List<Task> tasks, String source) {
    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(body, "body");
        topics = List.copyOf(topics);
        hidden = hidden.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hidden));
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) throw new IllegalArgumentException("a lesson needs at least one task");
    }

    /** The lab's setup, if the lesson uses the optimizer lab. */
    public Optional<LabPreset> labPreset() {
        return Optional.ofNullable(lab);
    }

    /** The config once tasks 0 … {@code index} have been opened in order: the preset with their changes. */
    public TrainingConfig configAtTask(int index) {
        TrainingConfig c = config;
        for (int t = 0; t <= index; t++) c = tasks.get(t).apply(c);
        return c;
    }

    /** The lab's setup once tasks 0 … {@code index} have been opened in order. */
    public LabPreset labAtTask(int index) {
        LabPreset l = lab;
        for (int t = 0; t <= index; t++) l = tasks.get(t).applyLab(l);
        return l;
    }
}
