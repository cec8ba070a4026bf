package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void tablesRightAlignNumericColumnsOnly() {
        String md = new Markdown().table("tool", "how", "candidates/s").row("(a)", "Spark", "1.25")
                .row("(b)", "loop", "–").end().toString();
        assertEquals("""
                | tool | how | candidates/s |
                | --- | --- | ---: |
                | (a) | Spark | 1.25 |
                | (b) | loop | – |
                """, md);
    }

    @Test
    void aRowMustFillTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> new Markdown().table("a", "b").row("1"));
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertEquals("1,129", Markdown.num(1129.4));
        assertEquals("14.7", Markdown.num(14.66));
        assertEquals("1.09", Markdown.num(1.0912));
        assertEquals("0.848", Markdown.num(0.84812));
        assertEquals("–", Markdown.num(Double.NaN));
        assertEquals("23 min", Markdown.duration(23 * 60));
        assertEquals("6.1 days", Markdown.duration(6.1 * 86400));
    }
}
