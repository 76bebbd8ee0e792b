package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.vinfra.ui.VinfraUi;

/**
 * Syntax highlighting of .vinfra text: keywords (taken from the grammar, so they never drift),
 * strings, numbers and comments. {@link SemanticHighlighter} adds what only the model knows.
 */
public final class VinfraPresentationReconciler extends PresentationReconciler {

    public VinfraPresentationReconciler() {
        DefaultDamagerRepairer repairer = new DefaultDamagerRepairer(new Scanner(keywords()));
        setDamager(repairer, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(repairer, IDocument.DEFAULT_CONTENT_TYPE);
    }

    @Override
    public void install(ITextViewer viewer) {
        super.install(viewer);
        SemanticHighlighter.install(viewer);
    }

    static Set<String> keywords() {
        IGrammarAccess grammar = VinfraUi.get().injector().getInstance(IGrammarAccess.class);
        Set<String> words = new TreeSet<>();
        for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
            if (Character.isLetter(keyword.charAt(0))) {
                words.add(keyword);
            }
        }
        return words;
    }

    private static final class Scanner extends RuleBasedScanner {
        Scanner(Set<String> keywords) {
            IToken keyword = new Token(new TextAttribute(Colors.KEYWORD, null, org.eclipse.swt.SWT.BOLD));
            IToken string = new Token(new TextAttribute(Colors.STRING));
            IToken comment = new Token(new TextAttribute(Colors.COMMENT));
            IToken number = new Token(new TextAttribute(Colors.NUMBER));
            IToken other = new Token(null);
            WordRule words = new WordRule(new IWordDetector() {
                @Override
                public boolean isWordStart(char c) {
                    return Character.isLetter(c) || c == '_' || c == '^';
                }

                @Override
                public boolean isWordPart(char c) {
                    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
                }
            }, other);
            keywords.forEach(word -> words.addWord(word, keyword));
            List<IRule> rules = new ArrayList<>();
            rules.add(new EndOfLineRule("//", comment));
            rules.add(new EndOfLineRule("#", comment));
            rules.add(new MultiLineRule("/*", "*/", comment));
            rules.add(new SingleLineRule("\"", "\"", string, '\\'));
            rules.add(new SingleLineRule("'", "'", string, '\\'));
            rules.add(words);
            rules.add(new NumberRule(number));
            setRules(rules.toArray(IRule[]::new));
        }
    }
}
