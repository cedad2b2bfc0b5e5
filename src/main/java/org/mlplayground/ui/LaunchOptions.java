package org.mlplayground.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of the window:
 * {@code --play} starts training at once; {@code --snapshot FILE [--epochs N]} trains N epochs (default
 * 200; 0 shows the untrained net), writes the window as a PNG and exits, for figures and README
 * screenshots. With Maven: {@code mvn javafx:run -Djavafx.args="--snapshot shot.png --epochs 100"}.
 *
 * @param snapshot where to write the PNG, or null for an ordinary interactive window
 */
record LaunchOptions(boolean play, Path snapshot, int epochs) {
    static final String USAGE = "options: --play, --snapshot FILE, --epochs N";

    /**
     * @throws IllegalArgumentException naming the option that is wrong and the known ones
     */
    static LaunchOptions parse(List<String> args) {
        boolean play = false;
        Path snapshot = null;
        int epochs = 200;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--play" -> play = true;
                case "--snapshot" -> snapshot = Path.of(value(args, ++i, arg));
                case "--epochs" -> epochs = parseEpochs(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
            }
        }
        return new LaunchOptions(play, snapshot, epochs);
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
}
