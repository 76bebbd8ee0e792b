// Dropping a vNIC edge's end on another network. GLSP 2.3's edge edit tool shows the reconnect
// handles of a selected edge, but while the handle is dragged it forgets the hovered target on every
// mouse move, so a drop on a network sends nothing. This listener remembers the grabbed handle and,
// on release, looks under the pointer for a network: then it asks the server to reconnect. (Should
// GLSP's tool send the same operation, the server sees the vNIC already there and does nothing.)
import {
    Action,
    GEdge,
    GModelElement,
    MouseListener,
    ReconnectEdgeOperation,
    findParentByFeature,
    isReconnectHandle,
    isTargetRoutingHandle
} from '@eclipse-glsp/client';
import { injectable } from 'inversify';

const PREFIX = 'vinfra-diagram_';

@injectable()
export class VnicReconnectListener extends MouseListener {
    private edgeId: string | undefined;

    override mouseDown(target: GModelElement, _event: MouseEvent): Action[] {
        this.edgeId = undefined;
        const handle = findParentByFeature(target, isReconnectHandle);
        const edge = handle?.parent;
        if (handle && edge instanceof GEdge && edge.type === 'edge:vnic' && isTargetRoutingHandle(edge, handle)) {
            this.edgeId = edge.id;
        }
        return [];
    }

    override mouseUp(target: GModelElement, event: MouseEvent): Action[] {
        const edgeId = this.edgeId;
        this.edgeId = undefined;
        if (!edgeId) {
            return [];
        }
        const edge = target.root.index.getById(edgeId);
        if (!(edge instanceof GEdge)) {
            return [];
        }
        for (const element of document.elementsFromPoint(event.clientX, event.clientY)) {
            if (!element.closest('#vinfra-diagram')) {
                continue;
            }
            // the network's own group: a label inside it has an id of its own ('network:lan#name')
            for (let each: Element | null = element; each; each = each.parentElement) {
                const id = each.id.startsWith(PREFIX) ? each.id.substring(PREFIX.length) : '';
                if (/^network:[^#/>]+$/.test(id) || /^compose:[^#/>]+\/network:[^#/>]+$/.test(id)) {
                    return id === edge.targetId
                        ? []
                        : [ReconnectEdgeOperation.create({ edgeElementId: edge.id, sourceElementId: edge.sourceId, targetElementId: id })];
                }
            }
        }
        return [];
    }
}
