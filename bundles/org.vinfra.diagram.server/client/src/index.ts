// The page's entry point: connects to the GLSP server on the same origin (the websocket carries the
// page's access token) and loads the topology diagram.
import 'reflect-metadata';

import '@vscode/codicons/dist/codicon.css';
import '@eclipse-glsp/client/css/glsp-sprotty.css';
import 'sprotty/css/edit-label.css';
import '../css/diagram.css';

import {
    BaseJsonrpcGLSPClient,
    DiagramLoader,
    FitToScreenAction,
    GLSPActionDispatcher,
    GLSPClient,
    GLSPWebSocketProvider,
    MessageAction,
    RedoAction,
    UndoAction
} from '@eclipse-glsp/client';
import { Container } from 'inversify';
import { MessageConnection } from 'vscode-jsonrpc';
import { createTopologyContainer } from './di.config';

performance.mark('vinfra-script');
const token = new URLSearchParams(window.location.search).get('token') ?? '';
const webSocketUrl = `ws://${window.location.host}/glsp?token=${encodeURIComponent(token)}`;
const diagramType = 'vinfra-topology';
const clientId = 'vinfra-diagram';

let glspClient: GLSPClient | undefined;
let container: Container | undefined;

declare global {
    interface Window {
        vinfraDiagram?: { dispatcher: GLSPActionDispatcher; loaded: number };
    }
}

async function initialize(connection: MessageConnection, isReconnecting = false): Promise<void> {
    performance.mark('vinfra-connected');
    connection.onClose(() => connectionLost());
    glspClient = new BaseJsonrpcGLSPClient({ id: 'vinfra', connectionProvider: connection });
    const diagram = createTopologyContainer({
        clientId,
        diagramType,
        glspClientProvider: async () => glspClient!,
        sourceUri: 'vinfra:model'
    });
    container = diagram;
    const dispatcher = diagram.get(GLSPActionDispatcher);
    const loader = diagram.get(DiagramLoader);
    const started = performance.now();
    await loader.load({ requestModelOptions: { isReconnecting } });
    performance.mark('vinfra-loaded');
    window.vinfraDiagram = { dispatcher, loaded: performance.now() - started };
    document.body.dataset.vinfraLoaded = 'true';
    document.getElementById('vinfra-undo')!.onclick = () => dispatcher.dispatch(UndoAction.create());
    document.getElementById('vinfra-redo')!.onclick = () => dispatcher.dispatch(RedoAction.create());
    document.getElementById('vinfra-fit')!.onclick = () => dispatcher.dispatch(FitToScreenAction.create([], { padding: 20 }));
    if (isReconnecting) {
        dispatcher.dispatch(MessageAction.create('The connection to the diagram server was lost and is back.', { severity: 'WARNING' }));
    }
}

function connectionLost(): void {
    const status = document.getElementById('vinfra-status');
    if (status) {
        status.textContent = 'Disconnected: is "vinfra diagram" still running?';
        status.className = 'vinfra-status vinfra-status-error';
    }
}

const provider = new GLSPWebSocketProvider(webSocketUrl, { reconnectAttempts: 5, reconnectDelay: 1000 });
provider.listen({
    onConnection: connection => void initialize(connection),
    onReconnect: connection => {
        glspClient?.stop();
        void initialize(connection, true);
    },
    logger: console
});
