package org.vinfra.ui.editor;

import org.eclipse.swt.graphics.Color;

/** The editor's colours, in one place (close to the Java editor's, which users know). */
final class Colors {
    static final Color KEYWORD = new Color(127, 0, 85);
    static final Color STRING = new Color(42, 0, 255);
    static final Color COMMENT = new Color(63, 127, 95);
    static final Color NUMBER = new Color(0, 0, 0);
    static final Color DECLARATION = new Color(0, 0, 192);
    static final Color REFERENCE = new Color(0, 112, 140);

    private Colors() {
    }
}
