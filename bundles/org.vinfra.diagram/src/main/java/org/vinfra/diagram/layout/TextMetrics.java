package org.vinfra.diagram.layout;

/**
 * How wide a text is in the diagram's sans-serif font, without a font: the advance widths of Arial/Helvetica
 * (which Liberation Sans shares) per character, plus a margin for fonts that run wider (DejaVu Sans). Good
 * enough to size boxes so that labels fit; the SVG and the layout use the same figures.
 */
public final class TextMetrics {

    /** Font size of names, in px (bold). */
    public static final double NAME_SIZE = 13;
    /** Font size of figures and edge labels, in px. */
    public static final double FIGURE_SIZE = 11;

    /** Advance widths of ' ' .. '~' in thousandths of an em (Arial). */
    private static final int[] WIDTHS = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p .. ~
    };
    /** Wider fonts than Arial on some systems: leave room. */
    private static final double MARGIN = 1.12;
    private static final double BOLD = 1.08;

    private TextMetrics() {
    }

    /** The width of a text in px at a font size. */
    public static double width(String text, double fontSize, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        double thousandths = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            thousandths += c >= ' ' && c <= '~' ? WIDTHS[c - ' '] : 620;
        }
        return Math.ceil(thousandths / 1000 * fontSize * MARGIN * (bold ? BOLD : 1));
    }

    /** The height of one line of text at a font size, in px. */
    public static double lineHeight(double fontSize) {
        return Math.ceil(fontSize * 1.35);
    }
}
