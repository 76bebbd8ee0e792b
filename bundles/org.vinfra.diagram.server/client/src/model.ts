// The client-side classes of the topology diagram's elements: which features each kind has. The
// server's type hints then switch deletion, moving and connecting on or off per type.
import {
    EditableLabel,
    Expandable,
    GChildElement,
    GLabel,
    GPort,
    Nameable,
    RectangularNode,
    WithEditableLabel,
    boundsFeature,
    connectableFeature,
    deletableFeature,
    editLabelFeature,
    expandFeature,
    fadeFeature,
    hoverFeedbackFeature,
    isEditableLabel,
    layoutContainerFeature,
    moveFeature,
    nameFeature,
    popupFeature,
    selectFeature,
    withEditLabelFeature
} from '@eclipse-glsp/client';

/** Any node of the topology: a host, VM, container, compose deployment, network or host part. */
export class TopologyNode extends RectangularNode implements Nameable, WithEditableLabel, Expandable {
    static override readonly DEFAULT_FEATURES = [
        connectableFeature,
        deletableFeature,
        selectFeature,
        boundsFeature,
        moveFeature,
        layoutContainerFeature,
        fadeFeature,
        hoverFeedbackFeature,
        popupFeature,
        nameFeature,
        withEditLabelFeature,
        expandFeature
    ];

    get editableLabel(): (GChildElement & EditableLabel) | undefined {
        const label = this.children.find(child => child.type === 'label:name');
        return label && isEditableLabel(label) ? label : undefined;
    }

    get name(): string {
        const label = this.children.find(child => child.type === 'label:name');
        return label instanceof GLabel ? label.text : this.id;
    }

    /** Replicated elements show their replicas when expanded (the server decides). */
    get expanded(): boolean {
        const args = (this as unknown as { args?: Record<string, unknown> }).args;
        return args?.['expanded'] === true;
    }

    set expanded(_value: boolean) {
        // the server redraws the node expanded or collapsed
    }

    /** Height of the header: down to the last label at the top of the node. */
    get headerHeight(): number {
        let bottom = 0;
        for (const child of this.children) {
            if (child instanceof GLabel) {
                bottom = Math.max(bottom, child.position.y + child.size.height);
            }
        }
        return bottom;
    }
}

/** A vNIC: a port on a VM's border where its edge to a network starts. */
export class VnicPort extends GPort {
    static override readonly DEFAULT_FEATURES = [...GPort.DEFAULT_FEATURES, deletableFeature];
}

/** A label that direct editing may change (names, vCPUs, memory). */
export class TopologyLabel extends GLabel {
    static override readonly DEFAULT_FEATURES = [...GLabel.DEFAULT_FEATURES, editLabelFeature];

    /** Only the labels the server marks editable (names, a VM's vCPUs and memory) open the editor. */
    override hasFeature(feature: symbol): boolean {
        if (feature === editLabelFeature) {
            const args = (this as unknown as { args?: Record<string, unknown> }).args;
            return args?.['editable'] === true;
        }
        return super.hasFeature(feature);
    }

    /**
     * Sprotty places the editor at the label's bounds in window coordinates, inside the diagram's
     * element, which sits below the page's header: take that offset back out.
     */
    get editControlPositionCorrection(): { x: number; y: number } {
        const diagram = document.getElementById('vinfra-diagram');
        const zoom = (this.root as unknown as { zoom?: number }).zoom ?? 1;
        const box = diagram?.getBoundingClientRect();
        return { x: -(box?.left ?? 0) / zoom, y: -(box?.top ?? 0) / zoom - 2 };
    }

    get editControlDimension(): { width: number; height: number } {
        return { width: Math.max(this.size.width + 40, 140), height: Math.max(this.size.height + 4, 20) };
    }
}
