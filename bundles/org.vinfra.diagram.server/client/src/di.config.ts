// The diagram's dependency injection: GLSP's default and standalone modules, plus the views of the
// topology's element types and the message panel.
import {
    ConsoleLogger,
    DefaultTypes,
    FeatureModule,
    GEdge,
    GGraph,
    GLSPProjectionView,
    GLabel,
    IDiagramOptions,
    LogLevel,
    MessageAction,
    STANDALONE_MODULE_CONFIG,
    TYPES,
    bindAsService,
    bindOrRebind,
    configureActionHandler,
    configureCommand,
    configureDefaultModelElements,
    configureModelElement,
    createDiagramOptionsModule,
    initializeDiagramContainer,
    overrideModelElement
} from '@eclipse-glsp/client';
import { Container } from 'inversify';
import { MessagePanel, RenderMarker } from './messages';
import { VnicReconnectListener } from './reconnect';
import { SelectionForwarder } from './selection';
import { TopologyLabel, TopologyNode, VnicPort } from './model';
import { LoadLabelView, SetSimulationTimeCommand, SimulationDecorator, SimulationState } from './simulation';
import {
    BoxNodeView,
    ContainerNodeView,
    DatastoreNodeView,
    EdgeLabelView,
    NetworkNodeView,
    TopologyEdgeView,
    TopologyLabelView,
    VnicPortView
} from './views';

export const topologyDiagramModule = new FeatureModule(
    (bind, unbind, isBound, rebind) => {
        const context = { bind, unbind, isBound, rebind };
        bindOrRebind(context, TYPES.ILogger).to(ConsoleLogger).inSingletonScope();
        bindOrRebind(context, TYPES.LogLevel).toConstantValue(LogLevel.warn);

        configureDefaultModelElements(context);
        overrideModelElement(context, DefaultTypes.GRAPH, GGraph, GLSPProjectionView);
        configureModelElement(context, 'node:host', TopologyNode, ContainerNodeView);
        configureModelElement(context, 'node:vm', TopologyNode, BoxNodeView);
        configureModelElement(context, 'node:container', TopologyNode, BoxNodeView);
        configureModelElement(context, 'node:compose', TopologyNode, ContainerNodeView);
        configureModelElement(context, 'node:network', TopologyNode, NetworkNodeView);
        configureModelElement(context, 'node:nic', TopologyNode, BoxNodeView);
        configureModelElement(context, 'node:device', TopologyNode, BoxNodeView);
        configureModelElement(context, 'node:datastore', TopologyNode, DatastoreNodeView);
        configureModelElement(context, 'port:vnic', VnicPort, VnicPortView);
        configureModelElement(context, 'label:name', TopologyLabel, TopologyLabelView);
        configureModelElement(context, 'label:figures', TopologyLabel, TopologyLabelView);
        configureModelElement(context, 'label:edge', GLabel, EdgeLabelView);
        for (const edge of ['edge:vnic', 'edge:uplink', 'edge:sriov', 'edge:passthrough', 'edge:depends-on', 'edge:attachment']) {
            configureModelElement(context, edge, GEdge, TopologyEdgeView);
        }

        bind(MessagePanel).toSelf().inSingletonScope();
        configureActionHandler(context, MessageAction.KIND, MessagePanel);
        bindAsService(context, TYPES.IVNodePostprocessor, RenderMarker);
        bindAsService(context, TYPES.MouseListener, VnicReconnectListener);
        bindAsService(context, TYPES.ISelectionListener, SelectionForwarder);

        // the simulation overlay (vinfra diagram --simulate, or an embedding's SimulationOverlayService)
        bind(SimulationState).toSelf().inSingletonScope();
        configureCommand(context, SetSimulationTimeCommand);
        configureModelElement(context, 'label:load', GLabel, LoadLabelView);
        bindAsService(context, TYPES.IVNodePostprocessor, SimulationDecorator);
    },
    { featureId: Symbol('vinfraTopology') }
);

export function createTopologyContainer(options: IDiagramOptions): Container {
    const container = initializeDiagramContainer(
        new Container(),
        createDiagramOptionsModule(options),
        topologyDiagramModule,
        STANDALONE_MODULE_CONFIG
    );
    return container;
}
