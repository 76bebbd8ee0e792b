/** @jsx svg */
// How each kind of element is drawn: hosts as containers with a header band and their figures,
// VMs and containers as boxes, networks as rounded "bus" bars, host parts (NICs, datastores,
// devices) as small boxes, vNICs as dots on the VM's border, edges as lines with their labels.
import {
    GEdge,
    GLabel,
    GPort,
    IViewArgs,
    Point,
    PolylineEdgeView,
    RenderingContext,
    ShapeView,
    angleOfPoint,
    setClass,
    svg,
    toDegrees
} from '@eclipse-glsp/client';
import { injectable } from 'inversify';
import { VNode } from 'snabbdom';
import { TopologyNode } from './model';

/** The part of a node type after 'node:' ('host', 'vm', ...), used as a CSS class. */
function kindOf(type: string): string {
    const colon = type.indexOf(':');
    return colon < 0 ? type : type.substring(colon + 1);
}

function decorate(vnode: VNode, node: TopologyNode, kind: string): VNode {
    setClass(vnode, 'vinfra-node', true);
    setClass(vnode, 'vinfra-' + kind, true);
    setClass(vnode, 'selected', node.selected);
    setClass(vnode, 'mouseover', node.hoverFeedback);
    return vnode;
}

/** A box with a header band (hosts, VMs with containers, compose deployments): the labels sit in the header. */
@injectable()
export class ContainerNodeView extends ShapeView {
    render(node: TopologyNode, context: RenderingContext, _args?: IViewArgs): VNode | undefined {
        if (!this.isVisible(node, context)) {
            return undefined;
        }
        const kind = kindOf(node.type);
        const width = Math.max(node.size.width, 0);
        const height = Math.max(node.size.height, 0);
        const header = Math.min(height, node.headerHeight + 4);
        const radius = kind === 'compose' ? 10 : 6;
        const vnode = (
            <g>
                <rect class-vinfra-body={true} x={0} y={0} rx={radius} ry={radius} width={width} height={height} />
                {header > 0 && header < height - 1 ? (
                    <path
                        class-vinfra-header={true}
                        d={`M 0 ${header} L 0 ${radius} Q 0 0 ${radius} 0 L ${width - radius} 0 Q ${width} 0 ${width} ${radius} L ${width} ${header} Z`}
                    />
                ) : (
                    <rect class-vinfra-header={true} x={0} y={0} rx={radius} ry={radius} width={width} height={height} />
                )}
                {header > 0 && header < height - 1 ? <line class-vinfra-divider={true} x1={0} y1={header} x2={width} y2={header} /> : ''}
                {context.renderChildren(node)}
            </g>
        );
        return decorate(vnode, node, kind);
    }
}

/** A network: a rounded bar, the "switch" its vNICs plug into. */
@injectable()
export class NetworkNodeView extends ShapeView {
    render(node: TopologyNode, context: RenderingContext): VNode | undefined {
        if (!this.isVisible(node, context)) {
            return undefined;
        }
        const width = Math.max(node.size.width, 0);
        const height = Math.max(node.size.height, 0);
        const radius = Math.min(height / 2, 14);
        const vnode = (
            <g>
                <rect class-vinfra-body={true} x={0} y={0} rx={radius} ry={radius} width={width} height={height} />
                {context.renderChildren(node)}
            </g>
        );
        return decorate(vnode, node, 'network');
    }
}

/** A datastore: a box with a disk's curved top. */
@injectable()
export class DatastoreNodeView extends ShapeView {
    render(node: TopologyNode, context: RenderingContext): VNode | undefined {
        if (!this.isVisible(node, context)) {
            return undefined;
        }
        const w = Math.max(node.size.width, 0);
        const h = Math.max(node.size.height, 0);
        const e = Math.min(5, h / 4);
        const vnode = (
            <g>
                <path class-vinfra-body={true} d={`M 0 ${e} Q ${w / 2} ${-e} ${w} ${e} L ${w} ${h - e} Q ${w / 2} ${h + e} 0 ${h - e} Z`} />
                <path class-vinfra-rim={true} d={`M 0 ${e} Q ${w / 2} ${3 * e} ${w} ${e}`} />
                {context.renderChildren(node)}
            </g>
        );
        return decorate(vnode, node, 'datastore');
    }
}

/** A simple box: containers, NICs, devices, VMs without children. */
@injectable()
export class BoxNodeView extends ShapeView {
    render(node: TopologyNode, context: RenderingContext): VNode | undefined {
        if (!this.isVisible(node, context)) {
            return undefined;
        }
        const kind = kindOf(node.type);
        const width = Math.max(node.size.width, 0);
        const height = Math.max(node.size.height, 0);
        const hasChildNodes = node.children.some(child => child instanceof TopologyNode);
        if (hasChildNodes) {
            return new ContainerNodeView().render(node, context);
        }
        const radius = kind === 'container' ? 3 : 5;
        const vnode = (
            <g>
                <rect class-vinfra-body={true} x={0} y={0} rx={radius} ry={radius} width={width} height={height} />
                {context.renderChildren(node)}
            </g>
        );
        return decorate(vnode, node, kind);
    }
}

/** A vNIC: a dot on the VM's border. */
@injectable()
export class VnicPortView extends ShapeView {
    render(port: GPort, context: RenderingContext): VNode | undefined {
        if (!this.isVisible(port, context)) {
            return undefined;
        }
        const r = Math.max(Math.min(port.size.width, port.size.height) / 2, 4);
        const vnode = (
            <g>
                <circle class-vinfra-vnic={true} cx={r} cy={r} r={r} />
                {context.renderChildren(port)}
            </g>
        );
        setClass(vnode, 'selected', port.selected);
        setClass(vnode, 'mouseover', port.hoverFeedback);
        return vnode;
    }
}

/** A label: its text vertically centred in the box the server's layout gave it, left-aligned. */
@injectable()
export class TopologyLabelView extends ShapeView {
    render(label: GLabel, context: RenderingContext): VNode | undefined {
        if (!label.text) {
            return undefined;
        }
        const height = label.size.height > 0 ? label.size.height : 15;
        const kind = kindOf(label.type);
        const vnode = (
            <text class-sprotty-label={true} x={0} y={height / 2} text-anchor='start' dominant-baseline='central'>
                {label.text}
            </text>
        );
        setClass(vnode, 'vinfra-label-' + kind, true);
        return vnode;
    }
}

/** An edge label: text on a white background, centred on the point the server chose. */
@injectable()
export class EdgeLabelView extends ShapeView {
    render(label: GLabel, _context: RenderingContext): VNode | undefined {
        if (!label.text) {
            return undefined;
        }
        const width = label.size.width > 0 ? label.size.width : label.text.length * 6.5;
        const height = label.size.height > 0 ? label.size.height : 15;
        return (
            <g class-vinfra-edge-label={true}>
                <rect class-vinfra-edge-label-bg={true} x={-2} y={0} width={width + 4} height={height} rx={3} ry={3} />
                <text class-sprotty-label={true} x={width / 2} y={height / 2} text-anchor='middle' dominant-baseline='central'>
                    {label.text}
                </text>
            </g>
        );
    }
}

/** Edges: a polyline; depends-on gets an arrow head at its target. */
@injectable()
export class TopologyEdgeView extends PolylineEdgeView {
    protected override renderAdditionals(edge: GEdge, segments: Point[], context: RenderingContext): VNode[] {
        const additionals = super.renderAdditionals(edge, segments, context);
        if (edge.type === 'edge:depends-on' && segments.length >= 2) {
            const p1 = segments[segments.length - 2];
            const p2 = segments[segments.length - 1];
            additionals.push(
                <path
                    class-vinfra-arrow={true}
                    d='M 1,0 L 9,-4 L 9,4 Z'
                    transform={`rotate(${toDegrees(angleOfPoint(Point.subtract(p1, p2)))} ${p2.x} ${p2.y}) translate(${p2.x} ${p2.y})`}
                />
            );
        }
        return additionals;
    }

    override render(edge: Readonly<GEdge>, context: RenderingContext, args?: IViewArgs): VNode | undefined {
        const vnode = super.render(edge, context, args);
        if (vnode) {
            setClass(vnode, 'vinfra-' + kindOf(edge.type), true);
        }
        return vnode;
    }
}
