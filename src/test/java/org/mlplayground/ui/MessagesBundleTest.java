package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three bundles read straight from the files (not through ResourceBundle, which would quietly fall back
 * to English for a missing key): the same keys everywhere, no empty text, the same {n} placeholders, and
 * every key the FXML files and the Java sources ask for is there.
 */
class MessagesBundleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Properties bundle(String suffix) throws IOException {
        String name = "/org/mlplayground/ui/messages" + suffix + ".properties";
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(name)) {
            if (in == null) fail(name + " is not on the classpath");
            byte[] bytes = in.readAllBytes();
            String text;
            try {
                // Strict UTF-8: a file saved in Latin-1 or cp1250 would fail here instead of showing mojibake.
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError(name + " is not valid UTF-8", e);
            }
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p;
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    @ParameterizedTest
    @EnumSource(value = I18n.Language.class, names = {"CS", "RU"})
    void everyKeyIsInBothLanguagesAndNoOtherKeys(I18n.Language language) throws IOException {
        Set<String> english = new TreeSet<>(bundle("").stringPropertyNames());
        Set<String> other = new TreeSet<>(bundle("_" + language.id()).stringPropertyNames());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(other);
        Set<String> extra = new TreeSet<>(other);
        extra.removeAll(english);
        assertTrue(missing.isEmpty(), language + " lacks " + missing);
        assertTrue(extra.isEmpty(), language + " has keys English does not: " + extra);
        assertTrue(english.size() > 150, "the English bundle has only " + english.size() + " keys");
    }

    @ParameterizedTest
    @EnumSource(I18n.Language.class)
    void noTextIsEmptyAndApostrophesSurviveMessageFormat(I18n.Language language) throws IOException {
        Properties p = bundle(language == I18n.Language.EN ? "" : "_" + language.id());
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            assertFalse(text.isBlank(), language + " " + key + " is empty");
            assertFalse(text.startsWith("%"), language + " " + key + " would read as a key in FXML");
            if (!placeholders(text).isEmpty()) {
                // MessageFormat drops a lone ' and quotes what follows: "network's {0}" would lose the {0}.
                assertFalse(text.replace("''", "").contains("'"), language + " " + key + " has a lone apostrophe: " + text);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = I18n.Language.class, names = {"CS", "RU"})
    void everyTextHasTheSamePlaceholdersAsTheEnglish(I18n.Language language) throws IOException {
        Properties english = bundle(""), other = bundle("_" + language.id());
        for (String key : english.stringPropertyNames()) {
            if (!other.containsKey(key)) continue; // reported by the key test
            assertEquals(placeholders(english.getProperty(key)), placeholders(other.getProperty(key)),
                    language + " " + key + ": '" + other.getProperty(key) + "'");
        }
    }

    @Test
    void theTextsReadThroughI18nAreTheFilesTexts() {
        I18n cs = I18n.of(I18n.Language.CS), ru = I18n.of(I18n.Language.RU);
        assertEquals("Spustit", cs.text("toolbar.play"));
        assertEquals("Пуск", ru.text("toolbar.play"));
        assertEquals("Play", I18n.ENGLISH.text("toolbar.play"));
        // Arguments go in as they are: numbers are formatted by the caller, so "0.03" is not "0,03" in Czech.
        assertEquals("rychlost učení γ 0.03 → 0.1", cs.text("live.learningRate", "0.03", "0.1"));
        assertEquals("Weights reset: the network's layers changed.",
                I18n.ENGLISH.text("loop.weightsReset", I18n.ENGLISH.text("reason.layers")));
        // Φ' survives MessageFormat (written Φ'' in the file), and the optional parts join as the old code did.
        I18n en = I18n.ENGLISH;
        assertEquals("δ₃ flows back through the transposed weights W₃ᵀ, then is multiplied by Φ'₂(z₂) and the dropout mask, "
                + "then back through batch norm: that is δ₂.", en.text("stepper.lead.backward", "₃", "₂", "z",
                en.text("stepper.lead.backward.mask"), en.text("stepper.lead.backward.batchNorm")));
        assertEquals("Layer 1 weighs its input h₀, adds the bias and applies Φ₁ = tanh. h₀ = x, the network's input.",
                en.text("stepper.lead.forward", 1, "₀", "₁", "tanh") + en.text("stepper.lead.forward.input"));
        // A whole number is not grouped by any locale: 12345, not "12,345" or "12 345".
        assertEquals("Zpět na epochu 12345", cs.text("status.revert", 12345));
    }

    @Test
    void theBundleDoesNotFollowTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("cs"));
            assertEquals("Play", I18n.of(I18n.Language.EN).text("toolbar.play"));
            assertEquals("Play", new I18n(I18n.Language.EN).text("toolbar.play"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyProblemTypeAndTaskHasItsNames() throws IOException {
        Properties english = bundle("");
        for (org.mlplayground.train.TrainingConfig.Problem p : org.mlplayground.train.TrainingConfig.Problem.values()) {
            assertTrue(english.containsKey("problem." + p.name()), "no name for " + p);
        }
        for (org.mlplayground.data.Generator.Task t : org.mlplayground.data.Generator.Task.values()) {
            assertTrue(english.containsKey("task." + t.name()), "no name for " + t);
            assertTrue(english.containsKey("task.needs." + t.name()), "no description for " + t);
        }
    }

    @Test
    void everyPercentKeyOfTheFxmlFilesIsInTheBundle() throws IOException {
        Properties english = bundle("");
        Pattern percent = Pattern.compile("=\"%([^\"]+)\"");
        int used = 0;
        for (String fxml : List.of("playground.fxml", "data.fxml")) {
            String text = Files.readString(Path.of("src/main/resources/org/mlplayground/ui", fxml));
            Matcher m = percent.matcher(text);
            while (m.find()) {
                used++;
                assertTrue(english.containsKey(m.group(1)), fxml + " uses %" + m.group(1) + ", which the bundle lacks");
            }
            // Every text and tooltip of these two files comes from the bundle; only symbols stay literal.
            Matcher literal = Pattern.compile("\\btext=\"([^\"%][^\"]*)\"").matcher(text);
            while (literal.find()) {
                assertTrue(literal.group(1).matches("[+−\\-0-9 ]+"), fxml + " has a literal text: " + literal.group(1));
            }
        }
        assertTrue(used > 60, "only " + used + " %keys found");
    }

    @Test
    void everyKeyTheJavaSourcesAskForIsInTheBundle() throws IOException {
        Properties english = bundle("");
        Pattern call = Pattern.compile("\\.text\\(\"([a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
        List<String> missing = new ArrayList<>();
        int used = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/mlplayground/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    used++;
                    if (!english.containsKey(m.group(1))) missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys asked for but not in messages.properties: " + missing);
        assertTrue(used > 80, "only " + used + " lookups found");
    }
}
