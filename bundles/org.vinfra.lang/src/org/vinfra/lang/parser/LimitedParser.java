package org.vinfra.lang.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.ParseResult;
import org.vinfra.lang.model.Limits;
import org.vinfra.lang.parser.antlr.VinfraParser;

/**
 * The .vinfra parser within {@link Limits}: a text larger than the file size limit is not parsed, and
 * one nested deeper than the depth limit is parsed up to the place where it goes too deep (a recursive
 * descent parser would otherwise run out of stack). The result then has syntax errors, so nothing
 * formats or rewrites a text that was not read whole, and {@link VinfraResource} reports the limit as
 * a positioned error.
 */
public class LimitedParser extends VinfraParser {

    /** A parse result of a text over a limit: the part that was read, and which limit stopped it. */
    public static final class Limited extends ParseResult {
        private final Limits.Exceeded exceeded;

        Limited(IParseResult read, Limits.Exceeded exceeded) {
            super(read.getRootASTElement(), read.getRootNode(), true);
            this.exceeded = exceeded;
        }

        public Limits.Exceeded exceeded() {
            return exceeded;
        }
    }

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder, int initialLookAhead) {
        String text = in.size() == 0 ? "" : in.substring(0, in.size() - 1);
        Limits.Exceeded exceeded = Limits.check(text);
        if (exceeded == null) {
            return super.doParse(ruleName, in, nodeModelBuilder, initialLookAhead);
        }
        IParseResult read = super.doParse(ruleName, new ANTLRStringStream(text.substring(0, exceeded.offset())), nodeModelBuilder, initialLookAhead);
        return new Limited(read, exceeded);
    }
}
