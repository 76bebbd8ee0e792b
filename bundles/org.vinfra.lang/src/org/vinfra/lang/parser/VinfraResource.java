package org.vinfra.lang.parser;

import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.parser.IParseResult;
import org.vinfra.lang.model.Limits;

/** A .vinfra resource: reports a text over a limit ({@link LimitedParser}) as a positioned error. */
public class VinfraResource extends LazyLinkingResource {

    @Override
    protected void updateInternalState(IParseResult oldParseResult, IParseResult newParseResult) {
        super.updateInternalState(oldParseResult, newParseResult);
        if (newParseResult instanceof LimitedParser.Limited limited) {
            getErrors().add(new LimitDiagnostic(limited.exceeded()));
        }
    }

    /** The limit a text exceeded, where it did. */
    private static final class LimitDiagnostic extends AbstractDiagnostic {
        private final Limits.Exceeded exceeded;

        LimitDiagnostic(Limits.Exceeded exceeded) {
            this.exceeded = exceeded;
        }

        @Override
        public String getMessage() {
            return exceeded.message();
        }

        @Override
        public String getCode() {
            return exceeded.code();
        }

        @Override
        public String[] getData() {
            return new String[0];
        }

        @Override
        public int getOffset() {
            return exceeded.offset();
        }

        @Override
        public int getLength() {
            return 1;
        }

        @Override
        public int getLine() {
            return exceeded.line();
        }

        @Override
        public int getColumn() {
            return exceeded.column();
        }

        @Override
        public int getLineEnd() {
            return exceeded.line();
        }

        @Override
        public int getColumnEnd() {
            return exceeded.column() + 1;
        }

        @Override
        public String getLocation() {
            return null;
        }

        @Override
        public org.eclipse.emf.common.util.URI getUriToProblem() {
            return null;
        }

        @Override
        protected org.eclipse.xtext.nodemodel.INode getNode() {
            return null;
        }
    }
}
