package org.vinfra.diagram.server.glsp;

import org.eclipse.glsp.server.actions.ActionHandler;
import org.eclipse.glsp.server.di.DiagramModule;
import org.eclipse.glsp.server.di.MultiBinding;
import org.eclipse.glsp.server.diagram.DiagramConfiguration;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.features.directediting.LabelEditValidator;
import org.eclipse.glsp.server.features.toolpalette.ToolPaletteItemProvider;
import org.eclipse.glsp.server.features.undoredo.UndoRedoActionHandler;
import org.eclipse.glsp.server.features.validation.ModelValidator;
import org.eclipse.glsp.server.gmodel.GModelCutOperationHandler;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.LayoutOperationHandler;
import org.eclipse.glsp.server.operations.OperationActionHandler;
import org.eclipse.glsp.server.operations.OperationHandler;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.server.simulation.SimulationOverlayService;
import org.vinfra.diagram.server.text.DiagramWorkspace;

/**
 * The GLSP diagram module of the topology diagram, backed by text (not GLSP's GModel storage): the
 * source model is the workspace's .vinfra files, the GModel is drawn from them on every change, and
 * every operation is a text change written to them (see {@link TextOperationActionHandler}).
 */
public class TopologyDiagramModule extends DiagramModule {

    private final DiagramWorkspace workspace;
    private final SimulationOverlayService simulation;

    /** A diagram of the workspace's files, without a simulation overlay (none can be shown). */
    public TopologyDiagramModule(DiagramWorkspace workspace) {
        this(workspace, new SimulationOverlayService());
    }

    /**
     * @param simulation the simulation shown over every diagram of this module (shared by all sessions): hand it a run's
     *                   results to show them ({@link SimulationOverlayService#showSimulation})
     */
    public TopologyDiagramModule(DiagramWorkspace workspace, SimulationOverlayService simulation) {
        this.workspace = workspace;
        this.simulation = simulation;
    }

    @Override
    public String getDiagramType() {
        return DiagramIds.DIAGRAM_TYPE;
    }

    @Override
    protected void configureAdditionals() {
        bind(DiagramWorkspace.class).toInstance(workspace);
        bind(SimulationOverlayService.class).toInstance(simulation);
    }

    @Override
    protected Class<? extends DiagramConfiguration> bindDiagramConfiguration() {
        return TopologyDiagramConfiguration.class;
    }

    @Override
    protected Class<? extends GModelState> bindGModelState() {
        return TopologyModelState.class;
    }

    @Override
    protected Class<? extends SourceModelStorage> bindSourceModelStorage() {
        return TextSourceModelStorage.class;
    }

    @Override
    protected Class<? extends GModelFactory> bindGModelFactory() {
        return TopologyGModelFactory.class;
    }

    @Override
    protected Class<? extends ModelValidator> bindModelValidator() {
        return TopologyModelValidator.class;
    }

    @Override
    protected Class<? extends LabelEditValidator> bindLabelEditValidator() {
        return TopologyLabelEditValidator.class;
    }

    @Override
    protected Class<? extends ToolPaletteItemProvider> bindToolPaletteItemProvider() {
        return TopologyPalette.class;
    }

    @Override
    protected void configureActionHandlers(MultiBinding<ActionHandler> binding) {
        super.configureActionHandlers(binding);
        binding.rebind(OperationActionHandler.class, TextOperationActionHandler.class);
        binding.rebind(UndoRedoActionHandler.class, TextUndoRedoActionHandler.class);
        binding.add(ReloadModelActionHandler.class);
        binding.add(CollapseExpandActionHandler.class);
        binding.add(SelectionChangedActionHandler.class);
    }

    @Override
    protected void configureOperationHandlers(MultiBinding<OperationHandler<?>> binding) {
        super.configureOperationHandlers(binding);
        // GLSP's cut and layout handlers edit the GModel; here the text is the model
        binding.remove(GModelCutOperationHandler.class);
        binding.remove(LayoutOperationHandler.class);
        binding.add(CreateTopologyNodeHandler.class);
        binding.add(CreateVnicHandler.class);
        binding.add(ReconnectVnicHandler.class);
        binding.add(DeleteTopologyHandler.class);
        binding.add(ChangeBoundsTopologyHandler.class);
        binding.add(LabelEditTopologyHandler.class);
    }
}
