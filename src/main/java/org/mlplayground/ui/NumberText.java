package org.mlplayground.ui;

import java.math.BigDecimal;
import java.util.function.DoublePredicate;

/** Numbers as a student types them into a setting, and as the window shows them. */
final class NumberText {
    private NumberText() {
    }

    /**
     * The number typed for {@code setting}; a decimal comma is read as a point.
     *
     * @param rule  what makes a value acceptable, e.g. "≥ 0"
     * @param valid the test for that rule
     * @throws IllegalArgumentException naming the setting, the rule and the text
     */
    static double parse(String setting, String rule, DoublePredicate valid, String text) {
        return parse(I18n.ENGLISH, setting, rule, valid, text);
    }

    /** {@link #parse(String, String, DoublePredicate, String)} with the complaint in the window's language. */
    static double parse(I18n i18n, String setting, String rule, DoublePredicate valid, String text) {
        String number = text == null ? "" : text.trim();
        if (!number.contains(".")) number = number.replace(',', '.');
        try {
            double value = Double.parseDouble(number);
            if (Double.isFinite(value) && valid.test(value)) return value;
        } catch (NumberFormatException e) {
            // reported below with the same message as a value out of range
        }
        throw new IllegalArgumentException(i18n.text("status.needsNumber", setting, rule, text == null ? "" : text.trim()));
    }

    /** λ: a number ≥ 0. */
    static double parseRate(String text) {
        return parse("Rate λ", "≥\u00a00", v -> v >= 0, text);
    }

    /** Like {@link #format}, but tiny values such as Adam's ε = 1e-8 in short scientific form. */
    static String compact(double value) {
        if (value != 0 && Math.abs(value) < 1e-3) {
            String[] parts = String.format(java.util.Locale.ROOT, "%.2e", value).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return format(value);
    }

    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    /** n as subscript digits, for the course's indices: 12 → "₁₂", −1 → "₋₁". */
    static String sub(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) s.append(c == '-' ? '₋' : SUBSCRIPTS.charAt(c - '0'));
        return s.toString();
    }

    /** 0.03 as "0.03", 3.0 as "3": the shortest exact decimal. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
