package org.mlplayground.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The window's texts in one language: the resource bundle {@code org/mlplayground/ui/messages} (English),
 * {@code messages_cs} (Czech) and {@code messages_ru} (Russian), read as UTF-8. One instance per window;
 * it never changes, so the training thread may build its notices with it too. Switching the language
 * builds a new window (see {@link PlaygroundApp#switchLanguage}).
 *
 * <p>A text with arguments goes through {@link MessageFormat}: {@code {0}}, {@code {1}} are the arguments,
 * and a literal apostrophe is written {@code ''} there (only there: texts without arguments, which FXML
 * also reads as {@code %key}, are taken as they stand). Numbers are formatted by the caller, as before, with
 * {@code Locale.ROOT}, so a decimal reads "0.03" in every language; any other argument is
 * {@code String.valueOf}'d, never formatted by the locale.
 */
final class I18n {
    /** The bundle's base name, for FXMLLoader and the tests. */
    static final String BUNDLE = "org.mlplayground.ui.messages";

    /** The languages the window speaks. */
    enum Language {
        EN("English"), CS("Čeština"), RU("Русский");

        private final String nativeName;

        Language(String nativeName) {
            this.nativeName = nativeName;
        }

        /** "en", "cs", "ru": the id on the command line and in the preferences, and the locale's language. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The language's name in itself, as the settings list shows it. */
        String nativeName() {
            return nativeName;
        }

        Locale locale() {
            return Locale.forLanguageTag(id());
        }

        /** Czech for a Czech locale, Russian for a Russian one, English otherwise. */
        static Language of(Locale locale) {
            for (Language l : values()) {
                if (l.id().equals(locale.getLanguage())) return l;
            }
            return EN;
        }

        /**
         * @throws IllegalArgumentException if {@code id} is not en, cs or ru
         */
        static Language parse(String id) {
            for (Language l : values()) {
                if (l.id().equalsIgnoreCase(id.trim())) return l;
            }
            throw new IllegalArgumentException("the language must be en, cs or ru, got '" + id + "'");
        }
    }

    static final I18n ENGLISH = new I18n(Language.EN);

    private final Language language;
    private final ResourceBundle bundle;

    I18n(Language language) {
        this.language = language;
        // No fallback to the JVM's default locale: English is the base bundle, whatever the machine says.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static I18n of(Language language) {
        return language == Language.EN ? ENGLISH : new I18n(language);
    }

    Language language() {
        return language;
    }

    /** The bundle, for {@code FXMLLoader.setResources}. */
    ResourceBundle bundle() {
        return bundle;
    }

    /**
     * The text of {@code key}, with {@code args} put in for {0}, {1}, … when there are any.
     *
     * @throws MissingResourceException if no bundle has the key (the bundle test keeps that from happening)
     */
    String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        if (args.length == 0) return pattern;
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) shown[i] = String.valueOf(args[i]);
        return new MessageFormat(pattern, Locale.ROOT).format(shown);
    }

    /** Whether the bundle has {@code key}; for texts that exist only for some values (e.g. per enum constant). */
    boolean has(String key) {
        return bundle.containsKey(key);
    }
}
