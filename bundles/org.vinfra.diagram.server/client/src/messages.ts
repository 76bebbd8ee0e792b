// What the server tells the user (an operation refused and why, what a delete took with it, an undo
// that could not be done) as messages under the diagram; and a marker of each render that the
// browser tests wait for.
import { Action, GModelElement, IActionHandler, IVNodePostprocessor, MessageAction } from '@eclipse-glsp/client';
import { injectable } from 'inversify';
import { VNode } from 'snabbdom';

@injectable()
export class MessagePanel implements IActionHandler {
    handle(action: Action): void {
        if (!MessageAction.is(action)) {
            return;
        }
        const panel = document.getElementById('vinfra-messages');
        if (!panel || !action.message) {
            return;
        }
        const severity = (action.severity ?? 'INFO').toLowerCase();
        if (severity === 'none') {
            return;
        }
        const item = document.createElement('div');
        item.className = 'vinfra-message vinfra-message-' + severity;
        item.setAttribute('role', severity === 'error' ? 'alert' : 'status');
        item.textContent = action.message;
        if (action.details) {
            item.title = action.details;
        }
        const close = document.createElement('button');
        close.className = 'vinfra-message-close';
        close.textContent = '\u00d7';
        close.title = 'Dismiss';
        close.onclick = () => item.remove();
        item.appendChild(close);
        panel.appendChild(item);
        while (panel.children.length > 6) {
            panel.firstElementChild?.remove();
        }
        if (severity === 'info') {
            setTimeout(() => item.remove(), 10000);
        }
    }
}

/** After each render: body[data-vinfra-revision] is the model's revision, body[data-vinfra-renders] counts renders. */
@injectable()
export class RenderMarker implements IVNodePostprocessor {
    private revision = -1;
    private renders = 0;

    decorate(vnode: VNode, element: GModelElement): VNode {
        if (element.root === element) {
            this.revision = element.root.revision ?? this.revision;
        }
        return vnode;
    }

    postUpdate(): void {
        this.renders++;
        if (this.renders === 1) {
            performance.mark('vinfra-first-render');
        }
        document.body.dataset.vinfraRevision = String(this.revision);
        document.body.dataset.vinfraRenders = String(this.renders);
    }
}
