package org.vinfra.lang.parser;

import java.util.Map;
import java.util.Set;

import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.vinfra.lang.validation.IssueCodes;

import com.google.inject.Inject;

/**
 * Syntax errors in the user's words: "a name" instead of RULE_ID, and a note when a keyword of
 * the language is used where a name belongs.
 */
public class VinfraSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

    private static final Map<String, String> TOKEN_WORDS = Map.of(
            "RULE_ID", "a name",
            "RULE_INT", "a whole number",
            "RULE_STRING", "a quoted string",
            "EOF", "the end of the file");

    @Inject
    private IGrammarAccess grammar;

    /** The grammar's keywords, collected once (a file with many errors asks for every error). */
    private Set<String> keywords;

    private Set<String> keywords() {
        if (keywords == null) {
            keywords = Set.copyOf(GrammarUtil.getAllKeywords(grammar.getGrammar()));
        }
        return keywords;
    }

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
        String message = context.getDefaultMessage() == null ? "syntax error" : context.getDefaultMessage();
        for (Map.Entry<String, String> word : TOKEN_WORDS.entrySet()) {
            message = message.replace(word.getKey(), word.getValue());
        }
        RecognitionException exception = context.getRecognitionException();
        Token token = exception == null ? null : exception.token;
        if (token != null && token.getText() != null && keywords().contains(token.getText())
                && isNamePosition(exception)) {
            return new SyntaxErrorMessage("'" + token.getText() + "' is a keyword of the language and cannot be used as a name. Choose"
                    + " another name, e.g. '" + token.getText() + "1' or 'my-" + token.getText() + "'.", IssueCodes.SYNTAX_ERROR);
        }
        return new SyntaxErrorMessage(shortenQuoted(reword(message)), IssueCodes.SYNTAX_ERROR);
    }

    /** A quoted token longer than a line (a long string or comment) is cut: a message never repeats the file. */
    static String shortenQuoted(String message) {
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([^']{61,})'").matcher(message);
        StringBuilder result = new StringBuilder();
        while (quoted.find()) {
            String text = quoted.group(1);
            quoted.appendReplacement(result, java.util.regex.Matcher.quoteReplacement("'" + text.substring(0, 40) + "...' ("
                    + text.length() + " characters)"));
        }
        quoted.appendTail(result);
        return result.toString();
    }

    /** A value that does not convert (an address out of range, an unknown unit): the converter's message says why. */
    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
        String message = context.getDefaultMessage();
        return new SyntaxErrorMessage(message == null || message.isBlank() ? "This value is not valid here." : message, IssueCodes.INVALID_VALUE);
    }

    /** ANTLR's phrasing, in plain words. */
    static String reword(String message) {
        String text = message.isEmpty() ? "syntax error" : message;
        if (text.startsWith("mismatched input '<the end of the file>' expecting ")) {
            return "The file ends too early: expected " + text.substring("mismatched input '<the end of the file>' expecting ".length())
                    + ". Is a closing '}' missing?";
        }
        if (text.startsWith("mismatched input ")) {
            text = text.replaceFirst("^mismatched input (.*) expecting (.*)$", "Unexpected $1 here: expected $2.");
        } else if (text.startsWith("missing ")) {
            text = text.replaceFirst("^missing (.*) at (.*)$", "Missing $1 before $2.");
        } else if (text.startsWith("no viable alternative at input ")) {
            text = text.replaceFirst("^no viable alternative at input (.*)$",
                    "Unexpected $1 here: it does not start any setting of this block (docs/language.md lists them).");
        } else if (text.startsWith("extraneous input ")) {
            text = text.replaceFirst("^extraneous input (.*) expecting (.*)$", "Unexpected $1 here: expected $2.");
        }
        return text.substring(0, 1).toUpperCase() + text.substring(1);
    }

    /** Keywords after which a name comes: a declaration, or a reference. */
    private static final java.util.Set<String> NAME_BEFORE = java.util.Set.of("host", "vm", "nic", "datastore", "device", "network",
            "image", "container", "service", "compose", "volume", "secret", "disk", "on", "to", "depends-on", "passthrough", "sriov",
            "from", "mount");

    private static boolean isNamePosition(RecognitionException exception) {
        String previous = previousText(exception);
        return previous != null && NAME_BEFORE.contains(previous);
    }

    private static String previousText(RecognitionException exception) {
        if (exception.input instanceof TokenStream tokens) {
            for (int i = Math.min(exception.index, tokens.size()) - 1; i >= 0; i--) {
                Token previous = tokens.get(i);
                if (previous.getChannel() == Token.DEFAULT_CHANNEL) {
                    return previous.getText();
                }
            }
        }
        return null;
    }
}
