package org.mlplayground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Formulas are taken out of the Markdown before it is parsed, except in code. */
class MathTextTest {
    private static final String I = String.valueOf(MathText.INLINE), D = String.valueOf(MathText.DISPLAY),
            E = String.valueOf(MathText.END);

    @Test
    void inlineAndDisplayFormulasBecomePlaceholders() {
        MathText.Protected p = MathText.protect("a $h_{l-1}$ b\n$$\\delta_l =\n W^T$$\nc", 10);
        assertEquals("a " + I + "0" + E + " b\n\n\n" + D + "1" + E + "\n\n\nc", p.markdown());
        assertEquals(List.of(new MathText.Formula("h_{l-1}", false, 10), new MathText.Formula("\\delta_l =\n W^T", true, 11)),
                p.formulas());
    }

    @Test
    void codeAndEscapedDollarsStayText() {
        MathText.Protected p = MathText.protect("costs \\$5, `$x$` and\n```\n$y$\n```", 1);
        assertEquals("costs \\$5, `$x$` and\n```\n$y$\n```", p.markdown());
        assertEquals(List.of(), p.formulas());
    }
}
