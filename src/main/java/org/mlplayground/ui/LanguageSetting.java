package org.mlplayground.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The language chosen in the window's settings, kept between runs in {@link Preferences} (user node
 * {@code org/mlplayground}, key {@code language}: en, cs or ru). Without a stored choice the window follows the
 * system's locale. The node can be moved with the system property {@code mlplayground.prefs.node} (the tests
 * use their own, so they never touch a student's choice).
 */
final class LanguageSetting {
    static final String NODE_PROPERTY = "mlplayground.prefs.node";
    static final String DEFAULT_NODE = "org/mlplayground";
    static final String KEY = "language";

    private final Preferences node;

    LanguageSetting(Preferences node) {
        this.node = node;
    }

    /** The user's node, or the one {@code -Dmlplayground.prefs.node=...} names. */
    static LanguageSetting user() {
        return new LanguageSetting(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    /** The stored language; empty if none was stored or the stored text is not en, cs or ru. */
    Optional<I18n.Language> stored() {
        String id = node.get(KEY, null);
        if (id == null) return Optional.empty();
        try {
            return Optional.of(I18n.Language.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The stored choice, or else the language of {@code system} (Czech, Russian, otherwise English). */
    I18n.Language atStart(Locale system) {
        return stored().orElseGet(() -> I18n.Language.of(system));
    }

    /** Keeps {@code language} for the next start; if the store cannot be written, it holds for this run only. */
    void store(I18n.Language language) {
        node.put(KEY, language.id());
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Preferences write back later on their own; a read-only home only loses the choice at exit.
        }
    }
}
