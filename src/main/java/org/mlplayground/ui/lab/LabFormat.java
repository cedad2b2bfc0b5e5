package org.mlplayground.ui.lab;

import java.util.Locale;

/** Numbers as the lab shows them: short, and in the same form the text fields read back. */
final class LabFormat {
    private LabFormat() {
    }

    /** 0.5 → "0.5", 2 → "2", 0.000123 → "1.23e-4", 12345 → "1.23e+4". */
    static String number(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "—" : (v > 0 ? "∞" : "−∞");
        if (v == Math.rint(v) && Math.abs(v) < 1e5) return Long.toString((long) v);
        double m = Math.abs(v);
        if (m >= 1e-3 && m < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
    }

    /**
     * A typed number, or an exception whose message the field shows. Accepts "1e-3", "0,5" is refused.
     *
     * @throws IllegalArgumentException if the text is not a finite number
     */
    static double parse(String what, String text) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number such as 0.01 or 1e-3, not '" + text.strip() + "'");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a finite number, not '" + text.strip() + "'");
        return v;
    }
}
