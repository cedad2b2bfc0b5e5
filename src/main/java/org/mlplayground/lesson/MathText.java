package org.mlplayground.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The formulas of a lesson's Markdown: {@code $…$} inline and {@code $$…$$} on display, kept as LaTeX. Before the
 * Markdown parser sees the text, each formula is swapped for a placeholder it leaves alone (a private-use
 * character, the formula's number, another), so that {@code h_{l-1}} never turns into emphasis; the view puts the
 * typeset formula where the placeholder lands. Code spans and fenced code blocks keep their dollars; {@code \$} is a
 * dollar sign.
 */
public final class MathText {
    /** Opens an inline formula's placeholder. */
    public static final char INLINE = '\uE000';
    /** Opens a display formula's placeholder. */
    public static final char DISPLAY = '\uE001';
    /** Closes a placeholder. */
    public static final char END = '\uE002';

    /**
     * One formula.
     *
     * @param line the line it starts on (counted from the {@code firstLine} given to {@link #protect})
     */
    public record Formula(String tex, boolean display, int line) {
    }

    /** The Markdown with placeholders, and the formulas they stand for, numbered from 0. */
    public record Protected(String markdown, List<Formula> formulas) {
    }

    private MathText() {
    }

    /**
     * Swaps every formula of {@code markdown} for its placeholder.
     *
     * @param firstLine the number of the text's first line in its file, for errors
     * @throws IllegalArgumentException (a {@code LineError} inside this package) for a formula that is not
     *         closed or is empty, naming its line
     */
    public static Protected protect(String markdown, int firstLine) {
        StringBuilder out = new StringBuilder(markdown.length());
        List<Formula> formulas = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean fenced = false;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
                out.append(line);
                if (i < lines.length - 1) out.append('\n');
                i++;
                continue;
            }
            if (fenced) {
                out.append(line);
                if (i < lines.length - 1) out.append('\n');
                i++;
                continue;
            }
            // Scan this line; a display formula may run on over the following lines.
            int lineNo = firstLine + i;
            int c = 0;
            while (c < line.length()) {
                char ch = line.charAt(c);
                if (ch == '\\' && c + 1 < line.length() && line.charAt(c + 1) == '$') {
                    out.append("\\$");
                    c += 2;
                } else if (ch == '`') {
                    int run = 0;
                    while (c + run < line.length() && line.charAt(c + run) == '`') run++;
                    String fence = "`".repeat(run);
                    int close = line.indexOf(fence, c + run);
                    int end = close < 0 ? c + run : close + run;
                    out.append(line, c, end);
                    c = end;
                } else if (ch == '$' && c + 1 < line.length() && line.charAt(c + 1) == '$') {
                    StringBuilder tex = new StringBuilder();
                    int from = c + 2;
                    int at = line.indexOf("$$", from);
                    while (at < 0) {
                        tex.append(line, from, line.length()).append('\n');
                        i++;
                        if (i >= lines.length) throw new LineError(lineNo, "a $$ formula is not closed by another $$");
                        line = lines[i];
                        from = 0;
                        at = line.indexOf("$$");
                    }
                    tex.append(line, from, at);
                    if (tex.toString().isBlank()) throw new LineError(lineNo, "an empty $$ $$ formula");
                    out.append("\n\n").append(DISPLAY).append(formulas.size()).append(END).append("\n\n");
                    formulas.add(new Formula(tex.toString().strip(), true, lineNo));
                    c = at + 2;
                } else if (ch == '$') {
                    int close = c + 1;
                    while (close < line.length() && !(line.charAt(close) == '$' && line.charAt(close - 1) != '\\')) close++;
                    if (close >= line.length()) {
                        throw new LineError(lineNo, "a $ formula is not closed on its line (write \\$ for a dollar sign)");
                    }
                    String tex = line.substring(c + 1, close);
                    if (tex.isBlank()) throw new LineError(lineNo, "an empty $ $ formula");
                    out.append(INLINE).append(formulas.size()).append(END);
                    formulas.add(new Formula(tex.strip(), false, lineNo));
                    c = close + 1;
                } else {
                    out.append(ch);
                    c++;
                }
            }
            if (i < lines.length - 1) out.append('\n');
            i++;
        }
        return new Protected(out.toString(), formulas);
    }
}
