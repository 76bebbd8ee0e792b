package org.vinfra.diagram.server.glsp;

import org.vinfra.diagram.server.text.TextChange;

/** What a diagram operation comes to: text to write, a refusal with the reason, or nothing to write. */
public sealed interface Plan {

    /** Write this change (one undo step). */
    record Write(TextChange change) implements Plan {
    }

    /** Write nothing; tell the user why. The diagram is redrawn (what the client moved snaps back). */
    record Refuse(String reason) implements Plan {
    }

    /** Nothing to write (e.g. a rename to the same name); the diagram is redrawn. */
    record Nothing() implements Plan {
    }

    static Plan refuse(String reason) {
        return new Refuse(reason);
    }

    static Plan nothing() {
        return new Nothing();
    }

    static Plan write(TextChange change) {
        return change.isEmpty() ? new Nothing() : new Write(change);
    }
}
