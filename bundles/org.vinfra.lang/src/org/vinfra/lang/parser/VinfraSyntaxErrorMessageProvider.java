package org.vinfra.lang.parser;

import java.util.Map;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
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

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
        String message = context.getDefaultMessage();
        for (Map.Entry<String, String> word : TOKEN_WORDS.entrySet()) {
            message = message.replace(word.getKey(), word.getValue());
        }
        RecognitionException exception = context.getRecognitionException();
        if (exception instanceof MismatchedTokenException mismatched && "RULE_ID".equals(tokenName(context, mismatched.expecting))) {
            Token token = exception.token;
            if (token != null && token.getText() != null && GrammarUtil.getAllKeywords(grammar.getGrammar()).contains(token.getText())) {
                message = "'" + token.getText() + "' is a keyword of the language and cannot be used as a name here. Choose another"
                        + " name, e.g. '" + token.getText() + "1' or 'my-" + token.getText() + "'.";
            }
        }
        return new SyntaxErrorMessage(reword(message), IssueCodes.SYNTAX_ERROR);
    }

    /** A value that does not convert (an address out of range, an unknown unit): the converter's message says why. */
    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
        return new SyntaxErrorMessage(context.getDefaultMessage(), IssueCodes.INVALID_VALUE);
    }

    /** ANTLR's phrasing, in plain words. */
    static String reword(String message) {
        String text = message;
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

    private static String tokenName(IParserErrorContext context, int type) {
        String[] names = context.getTokenNames();
        return names != null && type >= 0 && type < names.length ? names[type] : null;
    }
}
