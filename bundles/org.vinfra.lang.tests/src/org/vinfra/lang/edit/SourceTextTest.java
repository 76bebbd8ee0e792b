package org.vinfra.lang.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The file's own style: line breaks and indentation; what counts as white space and comments. */
class SourceTextTest {

    @Test
    void lineBreaksAreTheFilesOwn() {
        assertEquals("\r\n", SourceText.detectLineBreak("a\r\nb\nc"));
        assertEquals("\n", SourceText.detectLineBreak("a\nb\r\n"));
        assertEquals("\n", SourceText.detectLineBreak("no line break"));
    }

    @Test
    void indentationIsTabsOrTheSmallestRunOfSpaces() {
        assertEquals("\t", SourceText.detectIndentUnit("host h {\n\tcpu {\n\t\tcores 2\n\t}\n}\n"));
        assertEquals("  ", SourceText.detectIndentUnit("host h {\n  cpu {\n    cores 2\n  }\n}\n"));
        assertEquals("    ", SourceText.detectIndentUnit("host h {\r\n    memory 1 GiB\r\n}\r\n"));
        assertEquals("\t", SourceText.detectIndentUnit("network n {}\n"), "nothing indented: the formatter's tab");
        assertEquals("\t", SourceText.detectIndentUnit("a {\n\tb\n\tc\n  d\n}\n"), "mostly tabs");
    }
}
