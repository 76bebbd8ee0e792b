package org.vinfra.lang.edit;

import java.util.function.Supplier;

/** Thrown inside an operation when it must be refused; {@link #run} turns it into {@link EditResult.Refused}. */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
        super(reason, null, false, false);
    }

    /** Runs an operation, turning a refusal into {@link EditResult.Refused}. */
    static EditResult run(Supplier<EditResult> operation) {
        try {
            return operation.get();
        } catch (Refusal refusal) {
            return new EditResult.Refused(refusal.getMessage());
        }
    }
}
