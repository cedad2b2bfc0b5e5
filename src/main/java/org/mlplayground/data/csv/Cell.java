package org.mlplayground.data.csv;

import java.util.Locale;
import java.util.Set;

/**
 * What one CSV value is: a finite number, a number the playground cannot use (NaN, infinity, too large),
 * nothing, or text. A number is plain decimal: {@code 12}, {@code -0.5}, {@code .5}, {@code 5.},
 * {@code 1e-3}, {@code +2.5E7}; with decimal comma allowed also {@code 2,5}. Hexadecimal, Java's
 * {@code 1d}/{@code 1f} suffixes and thousands separators are text, whatever {@link Double#parseDouble}
 * would make of them.
 */
enum Cell {
    NUMBER, NOT_FINITE, EMPTY, TEXT;

    private static final Set<String> NOT_FINITE_WORDS = Set.of("nan", "inf", "infinity", "∞");

    /** The kind of {@code text} (already stripped of surrounding spaces). */
    static Cell of(String text, boolean decimalComma) {
        return of(text, value(text, decimalComma));
    }

    /** The kind of {@code text} whose {@link #value} is {@code value}. */
    static Cell of(String text, double value) {
        if (Double.isFinite(value)) return NUMBER;
        if (!Double.isNaN(value)) return NOT_FINITE; // a decimal too large for a double
        if (text.isEmpty()) return EMPTY;
        String word = text.charAt(0) == '+' || text.charAt(0) == '-' ? text.substring(1) : text;
        return NOT_FINITE_WORDS.contains(word.toLowerCase(Locale.ROOT)) ? NOT_FINITE : TEXT;
    }

    /**
     * The number {@code text} writes (the decimal comma read as a point), ±infinity for a decimal beyond
     * the double range, or NaN if it is not a plain decimal.
     */
    static double value(String text, boolean decimalComma) {
        if (text.isEmpty() || !isDecimal(text, decimalComma)) return Double.NaN;
        return Double.parseDouble(decimalComma ? text.replace(',', '.') : text);
    }

    /** [+-] (digits [mark digits?] | mark digits) ([eE] [+-] digits)?, with mark '.' or (if allowed) ','. */
    private static boolean isDecimal(String s, boolean decimalComma) {
        int n = s.length(), i = 0;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') i++;
        int intDigits = 0, fracDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        if (i < n && (s.charAt(i) == '.' || decimalComma && s.charAt(i) == ',')) {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
