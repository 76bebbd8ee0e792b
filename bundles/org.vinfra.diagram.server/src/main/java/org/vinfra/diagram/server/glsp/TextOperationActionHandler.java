package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.actions.SetDirtyStateAction;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.operations.CompoundOperation;
import org.eclipse.glsp.server.operations.Operation;
import org.eclipse.glsp.server.operations.OperationActionHandler;
import org.eclipse.glsp.server.operations.OperationHandler;
import org.eclipse.glsp.server.utils.MessageActionUtil;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.diagram.server.text.TextChange;

import com.google.inject.Inject;

/**
 * Executes an operation as text: plans each step with its {@link TextOperationHandler}, writes it
 * (atomically, only if the files still hold the text it was planned on), re-parses and redraws, and
 * makes the steps one undo step. A refused step takes back the steps before it and tells the user
 * why. Every operation redraws the diagram, so what the client already moved snaps back when
 * nothing was written.
 */
public class TextOperationActionHandler extends OperationActionHandler {

    private static final Logger LOG = LogManager.getLogger(TextOperationActionHandler.class);

    @Inject
    private TopologyModelState state;

    @Inject
    private GModelFactory factory;

    @Override
    protected List<Action> executeOperation(Operation operation) {
        DiagramWorkspace workspace = state.workspace();
        workspace.beginOperation(operation.getKind());
        try {
            return executeSteps(operation);
        } finally {
            workspace.endOperation();
        }
    }

    private List<Action> executeSteps(Operation operation) {
        List<Action> messages = new ArrayList<>();
        long started = System.nanoTime();
        List<Supplier<Plan>> steps = new ArrayList<>();
        collect(operation, steps, messages);
        String label = operation.getKind();
        int written = 0;
        long writtenAt = 0;
        List<String> notes = new ArrayList<>();
        DiagramWorkspace workspace = state.workspace();
        for (int index = 0; index < steps.size(); index++) {
            Supplier<Plan> step = steps.get(index);
            Plan plan;
            try {
                plan = step.get();
            } catch (RuntimeException e) {
                LOG.error("planning " + operation.getKind() + " failed", e);
                plan = Plan.refuse("vinfra could not plan this operation (" + e + "); nothing was written.");
            }
            if (plan instanceof Plan.Refuse refuse) {
                if (written > 0) {
                    workspace.rollBack(written, state.listener());
                }
                messages.add(MessageActionUtil.warn(refuse.reason()));
                written = 0;
                notes.clear();
                break;
            }
            if (plan instanceof Plan.Write write) {
                DiagramWorkspace.Result result = workspace.apply(write.change(), state.listener());
                if (result instanceof DiagramWorkspace.Refused refused) {
                    if (written > 0) {
                        workspace.rollBack(written, state.listener());
                    }
                    messages.add(MessageActionUtil.warn(refused.message()));
                    written = 0;
                    notes.clear();
                    break;
                }
                writtenAt = System.nanoTime();
                TextChange change = write.change();
                if (written == 0) {
                    label = change.label();
                }
                written++;
                notes.addAll(change.messages());
                if (index + 1 < steps.size()) {
                    // the next step is planned on the text this one wrote
                    factory.createGModel();
                }
            }
        }
        if (written > 1) {
            workspace.mergeLast(written, label);
        }
        if (written > 0) {
            OperationTimings.record(operation.getKind(), writtenAt - started);
        }
        for (String note : notes) {
            messages.add(MessageActionUtil.info(note));
        }
        List<Action> actions = new ArrayList<>(modelSubmissionHandler.submitModel(SetDirtyStateAction.Reason.OPERATION));
        actions.addAll(messages);
        return actions;
    }

    private void collect(Operation operation, List<Supplier<Plan>> steps, List<Action> messages) {
        if (operation instanceof CompoundOperation compound) {
            for (Operation each : compound.getOperationList()) {
                collect(each, steps, messages);
            }
            return;
        }
        Optional<? extends OperationHandler<?>> handler = operationHandlerRegistry.getOperationHandler(operation);
        if (handler.isPresent() && handler.get() instanceof TextOperationHandler<?> text) {
            steps.addAll(stepsOf(text, operation));
        }
    }

    @SuppressWarnings("unchecked")
    private static <O extends Operation> List<Supplier<Plan>> stepsOf(TextOperationHandler<O> handler, Operation operation) {
        return handler.steps((O) handler.getHandledOperationType().cast(operation));
    }
}
