package org.vinfra.ui.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Bracket matching for { }, [ ] and ( ). */
public final class VinfraBrackets extends DefaultCharacterPairMatcher {
    public VinfraBrackets() {
        super(new char[] { '{', '}', '[', ']', '(', ')' });
    }
}
