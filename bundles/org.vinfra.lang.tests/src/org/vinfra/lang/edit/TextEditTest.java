package org.vinfra.lang.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextEditTest {

    @Test
    void editsApplyToTheOriginalOffsetsInAnyOrder() {
        String text = "vm web on h { vcpus 2 }";
        List<TextEdit> edits = List.of(TextEdit.replace(20, 21, "8"), TextEdit.replace(3, 6, "app"), TextEdit.insert(0, "// x\n"));
        assertEquals("// x\nvm app on h { vcpus 8 }", TextEdit.apply(text, edits));
    }

    @Test
    void insertionsAtOneOffsetKeepTheirOrder() {
        assertEquals("ab-cd", TextEdit.apply("-", List.of(TextEdit.insert(0, "a"), TextEdit.insert(0, "b"), TextEdit.insert(1, "c"),
                TextEdit.insert(1, "d"))));
    }

    @Test
    void overlappingOrOutOfRangeEditsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TextEdit.apply("abcdef", List.of(TextEdit.delete(1, 3), TextEdit.delete(2, 1))));
        assertThrows(IllegalArgumentException.class, () -> TextEdit.apply("abc", List.of(TextEdit.delete(2, 5))));
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(-1, 0, ""));
    }

    @Test
    void offsetsCountUtf16CharsAndCrlfAsTwo() {
        String text = "// café ☕ 𝄞\r\nnetwork n {\r\n}\r\n";
        int at = text.indexOf("n {");
        assertEquals("// café ☕ 𝄞\r\nnetwork lan {\r\n}\r\n", TextEdit.apply(text, List.of(TextEdit.replace(at, at + 1, "lan"))));
    }
}
