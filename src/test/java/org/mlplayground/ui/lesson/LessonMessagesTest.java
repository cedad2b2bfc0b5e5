package org.mlplayground.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lesson interface speaks Czech and Russian as completely as English. */
class LessonMessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(LessonMessagesTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cs", "ru"})
    void everyKeyExistsInTheTranslation(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()));
        assertNotEquals(english.getProperty("lesson.nextTask"), translated.getProperty("lesson.nextTask"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cs", "ru"})
    void theBundleIsReadAsUtf8(String language) throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("org.mlplayground.ui.lesson.messages", Locale.forLanguageTag(language));
        assertEquals(load("messages_" + language + ".properties").getProperty("lesson.applyPreset"), bundle.getString("lesson.applyPreset"));
    }
}
