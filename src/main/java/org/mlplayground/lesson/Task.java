package org.mlplayground.lesson;

import java.util.List;
import java.util.Objects;
import org.mlplayground.train.TrainingConfig;

/**
 * One "Try this" task of a lesson: what to do and what to notice, and the settings the Next task action
 * applies when the student moves on to it.
 *
 * @param title   the heading's text after "Try this:"
 * @param text    the task's Markdown, without its {@code set:} lines
 * @param changes the {@code set: key = value} lines, in order (none for the first task, which starts from the preset)
 * @param line    the line of the task's heading
 */
public record Task(String title, String text, List<Setting> changes, int line) {
    public Task {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        changes = List.copyOf(changes);
    }

    /**
     * {@code config} with this task's changes. The shipped lessons' changes are checked against the config the
     * lesson reaches at this task; a config the student has changed by hand may not take them.
     *
     * @throws IllegalArgumentException if a change does not fit {@code config}, with the task's line
     */
    public TrainingConfig apply(TrainingConfig config) {
        if (changes.stream().noneMatch(s -> PresetDraft.CONFIG_KEYS.contains(s.key()))) return config;
        PresetDraft draft = new PresetDraft(config, null);
        for (Setting s : changes) if (PresetDraft.CONFIG_KEYS.contains(s.key())) draft.set(s.key(), s.value(), s.line());
        return draft.config();
    }

    /** {@code lab} (null: the lab's default) with this task's lab changes; {@code lab} itself if it has none. */
    public LabPreset applyLab(LabPreset lab) {
        if (changes.stream().noneMatch(s -> PresetDraft.LAB_KEYS.contains(s.key()))) return lab;
        PresetDraft draft = new PresetDraft(TrainingConfig.defaults(), lab);
        for (Setting s : changes) if (PresetDraft.LAB_KEYS.contains(s.key())) draft.set(s.key(), s.value(), s.line());
        return draft.labPreset();
    }
}
