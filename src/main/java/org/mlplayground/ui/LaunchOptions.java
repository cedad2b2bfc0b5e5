package org.mlplayground.ui;

import java.nio.file.Path;
import java.util.List;
import org.mlplayground.health.HealthPreset;
import org.mlplayground.train.Penalty;

/**
 * The command line of the window:
 * {@code --play} starts training at once; {@code --snapshot FILE [--epochs N]} trains N epochs (default
 * 200; 0 shows the untrained net), writes the window as a PNG and exits, for figures and README
 * screenshots. {@code --penalty none|l1|l2 [--lambda λ]} and {@code --dropout p} start with those remedies
 * chosen, as if picked in the top bar and the diagram. {@code --speed N} trains N mini-batches per frame;
 * {@code --fps} shows the frame readout (as F3 does); {@code --backprop} opens the backprop stepper (with
 * {@code --snapshot}: after the epochs, on the next step's second backward stage); {@code --gradients} opens the
 * gradient-health view, {@code --health-preset ID} puts one of its presets into the playground and
 * {@code --compare ID} starts one of its comparisons (both open the view; ids as in {@link HealthPreset} and
 * {@link HealthPreset.Comparison}, lower case with hyphens); {@code --lesson ID} opens a shipped lesson (its file
 * name without .md) and applies its preset; {@code --classroom} starts in classroom mode. {@code --lang en|cs|ru}
 * shows the window in English, Czech or Russian for this run (for screenshots; the stored choice of the settings is
 * left as it is). With Maven:
 * {@code mvn javafx:run -Djavafx.args="--snapshot shot.png --epochs 100 --penalty l1 --lambda 3"}.
 *
 * @param snapshot where to write the PNG, or null for an ordinary interactive window
 * @param penalty  the weight penalty chosen at start
 * @param dropout  the dropout rate p of every hidden layer at start, 0 ≤ p &lt; 1
 * @param speed    mini-batches per frame while playing, at least 1
 * @param fps      whether the frame readout shows from the start
 * @param backprop whether the backprop stepper opens at the start (after the epochs, with a snapshot)
 * @param gradients whether the gradient-health view opens at the start
 * @param healthPreset the gradient view's preset to start with, or null
 * @param comparison the gradient view's comparison to start with (playing), or null
 * @param language the window's language for this run, or null for the stored choice or the system's locale
 */
record LaunchOptions(boolean play, Path snapshot, int epochs, Penalty penalty, double dropout, int speed, boolean fps,
        boolean backprop, boolean gradients, HealthPreset healthPreset, HealthPreset.Comparison comparison, String lesson,
        boolean classroom, I18n.Language language) {
    static final String USAGE = "options: --play, --snapshot FILE, --epochs N, --penalty none|l1|l2, --lambda λ, --dropout p, "
            + "--speed N, --fps, --backprop, --gradients, --health-preset ID, --compare ID, --lesson ID, --classroom, "
            + "--lang en|cs|ru";

    LaunchOptions(boolean play, Path snapshot, int epochs, Penalty penalty, double dropout) {
        this(play, snapshot, epochs, penalty, dropout, TrainingLoop.DEFAULT_SPEED, false, false, false, null, null, null, false,
                null);
    }

    /** An enum constant's id on the command line: SIGMOID_VS_RELU → sigmoid-vs-relu. */
    static String id(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E named(Class<E> type, String option, String text) {
        for (E e : type.getEnumConstants()) {
            if (id(e).equals(text.trim().toLowerCase(java.util.Locale.ROOT))) return e;
        }
        throw new IllegalArgumentException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(LaunchOptions::id).collect(java.util.stream.Collectors.joining(", ")) + "; got '" + text + "'");
    }

    /**
     * @throws IllegalArgumentException naming the option that is wrong and the known ones
     */
    static LaunchOptions parse(List<String> args) {
        boolean play = false;
        Path snapshot = null;
        int epochs = 200;
        String penalty = "none";
        String lambda = null;
        double dropout = 0;
        int speed = TrainingLoop.DEFAULT_SPEED;
        boolean fps = false;
        boolean backprop = false;
        boolean gradients = false;
        HealthPreset preset = null;
        HealthPreset.Comparison comparison = null;
        String lesson = null;
        boolean classroom = false;
        I18n.Language language = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--play" -> play = true;
                case "--snapshot" -> snapshot = Path.of(value(args, ++i, arg));
                case "--epochs" -> epochs = parseEpochs(value(args, ++i, arg));
                case "--penalty" -> penalty = value(args, ++i, arg);
                case "--lambda" -> lambda = value(args, ++i, arg);
                case "--dropout" -> dropout = parseDropout(value(args, ++i, arg));
                case "--speed" -> speed = parseSpeed(value(args, ++i, arg));
                case "--fps" -> fps = true;
                case "--backprop" -> backprop = true;
                case "--gradients" -> gradients = true;
                case "--health-preset" -> preset = named(HealthPreset.class, arg, value(args, ++i, arg));
                case "--compare" -> comparison = named(HealthPreset.Comparison.class, arg, value(args, ++i, arg));
                case "--lesson" -> lesson = value(args, ++i, arg);
                case "--classroom" -> classroom = true;
                case "--lang" -> language = parseLanguage(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
            }
        }
        if (backprop && (gradients || preset != null || comparison != null)) {
            throw new IllegalArgumentException("--backprop and the gradient view (--gradients, --health-preset, --compare) "
                    + "take the same place; choose one");
        }
        return new LaunchOptions(play, snapshot, epochs, penalty(penalty, lambda), dropout, speed, fps, backprop,
                gradients || preset != null || comparison != null, preset, comparison, lesson, classroom, language);
    }

    private static I18n.Language parseLanguage(String text) {
        try {
            return I18n.Language.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lang must be en, cs or ru, got '" + text + "'");
        }
    }

    private static int parseSpeed(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below with the same message as a number below 1
        }
        throw new IllegalArgumentException("--speed needs a whole number of mini-batches per frame ≥ 1, got '" + text + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        return args.get(i);
    }

    private static int parseEpochs(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below with the same message as a negative number
        }
        throw new IllegalArgumentException("--epochs needs a whole number ≥ 0, got '" + text + "'");
    }

    private static Penalty penalty(String id, String lambda) {
        Penalty kind;
        try {
            kind = Penalty.of(id, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--penalty must be none, l1 or l2, got '" + id + "'");
        }
        if (kind instanceof Penalty.None) {
            if (lambda != null) throw new IllegalArgumentException("--lambda is the rate of a penalty; add --penalty l1 or --penalty l2");
            return kind;
        }
        double rate;
        try {
            rate = lambda == null ? RegularizationRates.DEFAULT_RATE : NumberText.parseRate(lambda);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lambda needs a number ≥ 0, got '" + lambda + "'");
        }
        return Penalty.of(id, rate);
    }

    private static double parseDropout(String text) {
        try {
            double p = Double.parseDouble(text.trim());
            if (p >= 0 && p < 1) return p;
        } catch (NumberFormatException e) {
            // reported below with the same message as a number out of range
        }
        throw new IllegalArgumentException("--dropout needs a rate p with 0 ≤ p < 1, got '" + text + "'");
    }
}
