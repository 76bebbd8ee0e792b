/** @jsx svg */
// The simulation overlay: a run's loads and problems over the diagram, at a time picked on a slider.
// The server puts the overlay (SimulationOverlay, JSON) in the root's `simulation` argument and a
// `label:load` line in each loaded node (room for two bars: CPU and memory); everything that depends on
// the picked time is drawn here, in the client, so moving the slider asks nothing of the server.
import {
    Action,
    CenterAction,
    Command,
    CommandExecutionContext,
    CommandReturn,
    GLabel,
    GModelElement,
    IActionDispatcher,
    IVNodePostprocessor,
    RenderingContext,
    SelectAction,
    ShapeView,
    TYPES,
    setClass,
    svg
} from '@eclipse-glsp/client';
import { inject, injectable } from 'inversify';
import { VNode } from 'snabbdom';

/** As the server sends it (org.vinfra.diagram.server.simulation.SimulationOverlay). */
export interface Overlay {
    status: 'simulating' | 'shown' | 'stale' | 'failed';
    note: string;
    duration: number;
    endedAt: number;
    seed: number;
    times: number[];
    loads: Record<string, Load>;
    phases: Record<string, Phase[]>;
    findings: Finding[];
}
export interface Load {
    cpu?: number[] | null;
    memory?: number[] | null;
    cpuCapacity: string;
    memoryCapacity: string;
    replicas: number;
}
export interface Phase {
    from: number;
    state: string;
    why: string;
}
export interface Finding {
    elementId: string;
    entity: string;
    code: string;
    severity: string;
    time: number;
    message: string;
}

/** 45 s, 2.5 s, 4 min 05 s, 2 h: simulated time as the server writes it (SimulatedTime). */
export function formatTime(seconds: number): string {
    if (seconds < 60) {
        return (Number.isInteger(seconds) ? seconds.toFixed(0) : seconds.toFixed(1)) + ' s';
    }
    const whole = Math.round(seconds);
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    if (rest === 0 && minutes % 60 === 0) {
        return minutes / 60 + ' h';
    }
    return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, '0')} s`;
}

const STOPS: [number, [number, number, number]][] = [
    [0, [63, 174, 90]],
    [0.6, [230, 167, 0]],
    [0.9, [214, 58, 47]],
    [1.0, [140, 20, 20]]
];

/** The colour of a load: green (idle) through amber (60 %) and red (90 %) to dark red (full, or more). */
export function loadColour(load: number): string {
    const u = Math.max(0, load);
    for (let i = 1; i < STOPS.length; i++) {
        const [to, high] = STOPS[i];
        const [from, low] = STOPS[i - 1];
        if (u <= to) {
            const f = (u - from) / (to - from);
            const c = low.map((l, k) => Math.round(l + (high[k] - l) * f));
            return `rgb(${c[0]},${c[1]},${c[2]})`;
        }
    }
    const last = STOPS[STOPS.length - 1][1];
    return `rgb(${last[0]},${last[1]},${last[2]})`;
}

/** What a badge says for each of the simulator's codes (docs/simulation.md). */
const BADGES: Record<string, string> = {
    'sim.oom-kill': 'OOM-killed',
    'sim.crash-loop': 'crash loop',
    'sim.host-failed': 'failed',
    'sim.unreachable': 'unreachable',
    'sim.deadline-missed': 'deadline missed',
    'sim.swapping': 'swapping',
    'sim.cpu-contention': 'CPU contention',
    'sim.placement-failed': 'not placed',
    'sim.admission-refused': 'refused',
    'sim.datastore-full': 'datastore full',
    'sim.nic-failed': 'NIC failed',
    'sim.hot-add-refused': 'hot-add refused',
    'sim.hot-remove-refused': 'hot-remove refused'
};

export function badgeText(code: string): string {
    return BADGES[code] ?? code.replace(/^sim\./, '');
}

/** The overlay of the model shown, and the time picked (an index into its sample times). */
@injectable()
export class SimulationState {
    overlay: Overlay | undefined;
    index = 0;
    private json: string | undefined;

    /** Reads the root's overlay when it changed (a new drawing or a new run); keeps the picked time. */
    sync(root: GModelElement | undefined): Overlay | undefined {
        const args = (root as unknown as { args?: Record<string, unknown> } | undefined)?.args;
        const json = typeof args?.['simulation'] === 'string' ? (args['simulation'] as string) : undefined;
        if (json === this.json) {
            return this.overlay;
        }
        const first = this.overlay === undefined || this.overlay.times.length === 0;
        this.json = json;
        this.overlay = json ? (JSON.parse(json) as Overlay) : undefined;
        const times = this.overlay?.times ?? [];
        if (first && times.length > 0) {
            // start where something goes wrong first, else at the end of the run
            const firstProblem = this.overlay!.findings.find(f => f.severity === 'error') ?? this.overlay!.findings[0];
            this.index = firstProblem ? this.indexAt(firstProblem.time) : times.length - 1;
        }
        this.index = Math.max(0, Math.min(this.index, times.length - 1));
        return this.overlay;
    }

    /** The first sample at or after t (the problem has happened by then). */
    indexAt(t: number): number {
        const times = this.overlay?.times ?? [];
        const found = times.findIndex(each => each >= t - 1e-9);
        return found < 0 ? times.length - 1 : found;
    }

    get time(): number {
        return this.overlay?.times[this.index] ?? 0;
    }

    stateOf(id: string): string | undefined {
        const phases = this.overlay?.phases[id];
        if (!phases) {
            return undefined;
        }
        let state = 'off';
        for (const phase of phases) {
            if (phase.from > this.time + 1e-9) {
                break;
            }
            state = phase.state;
        }
        return state;
    }

    /** Why the element is in its state now (the run's words), if it says. */
    whyOf(id: string): string | undefined {
        const phases = this.overlay?.phases[id] ?? [];
        let why: string | undefined;
        for (const phase of phases) {
            if (phase.from > this.time + 1e-9) {
                break;
            }
            why = phase.why;
        }
        return why;
    }

    /** The problems of an element that have happened by the picked time. */
    findingsOf(id: string): Finding[] {
        return (this.overlay?.findings ?? []).filter(f => f.elementId === id && f.time <= this.time + 1e-9);
    }
}

/** Picks a time: the index of one of the overlay's sample times. Client-only: the diagram is drawn again. */
export interface SetSimulationTimeAction extends Action {
    kind: typeof SetSimulationTimeAction.KIND;
    index: number;
}
export namespace SetSimulationTimeAction {
    export const KIND = 'vinfraSetSimulationTime';
    export function create(index: number): SetSimulationTimeAction {
        return { kind: KIND, index };
    }
}

@injectable()
export class SetSimulationTimeCommand extends Command {
    static readonly KIND = SetSimulationTimeAction.KIND;

    constructor(
        @inject(TYPES.Action) protected readonly action: SetSimulationTimeAction,
        @inject(SimulationState) protected readonly state: SimulationState
    ) {
        super();
    }

    execute(context: CommandExecutionContext): CommandReturn {
        const count = this.state.overlay?.times.length ?? 0;
        this.state.index = Math.max(0, Math.min(this.action.index, count - 1));
        return context.root;
    }

    undo(context: CommandExecutionContext): CommandReturn {
        return context.root;
    }

    redo(context: CommandExecutionContext): CommandReturn {
        return context.root;
    }
}

function percent(value: number | undefined): string {
    return value === undefined ? '\u2013' : Math.round(value * 100) + '%';
}

/** A node's load line: two bars, CPU and memory, at the picked time, coloured by load. */
@injectable()
export class LoadLabelView extends ShapeView {
    @inject(SimulationState) protected readonly state!: SimulationState;

    render(label: GLabel, _context: RenderingContext): VNode | undefined {
        const overlay = this.state.sync(label.root);
        const owner = label.id.substring(0, label.id.lastIndexOf('#'));
        const load = overlay?.loads[owner];
        if (!load) {
            return undefined;
        }
        const width = Math.max(label.size.width, 100);
        const height = label.size.height > 0 ? label.size.height : 14;
        const half = (width - 6) / 2;
        const cpu = load.cpu?.[this.state.index] ?? undefined;
        const memory = load.memory?.[this.state.index] ?? undefined;
        const state = this.state.stateOf(owner);
        const why = this.state.whyOf(owner);
        const tip =
            `At ${formatTime(this.state.time)}` +
            (load.replicas > 1 ? ` (the busiest of its ${load.replicas} replicas)` : '') +
            `:\nCPU ${percent(cpu)}${load.cpuCapacity ? ' of ' + load.cpuCapacity : ''}` +
            `\nmemory ${percent(memory)}${memory === undefined ? ' (no memory limit)' : load.memoryCapacity ? ' of ' + load.memoryCapacity : ''}` +
            (memory !== undefined && memory > 1 ? ' \u2013 more than there is' : '') +
            (state === 'down' ? `\ndown${why ? ': ' + why : ''}` : state === 'off' ? '\nnot started yet' : state === 'paused' ? '\npaused' : '');
        return (
            <g class-sim-load={true} attrs={{ 'data-sim-tip': tip }}>
                {this.bar(0, half, height, 'CPU', cpu, 'sim-cpu')}
                {this.bar(half + 6, half, height, 'mem', memory, 'sim-memory')}
            </g>
        );
    }

    private bar(x: number, width: number, height: number, name: string, value: number | undefined, cls: string): VNode {
        const fill = value === undefined ? 0 : Math.min(1, value) * width;
        const node = (
            <g attrs={{ 'data-load': value === undefined ? '' : value.toFixed(3) }}>
                <rect class-sim-track={true} x={x} y={1} width={width} height={height - 2} rx={2} ry={2} />
                {value === undefined ? (
                    ''
                ) : (
                    <rect class-sim-fill={true} x={x} y={1} width={fill} height={height - 2} rx={2} ry={2} style={{ fill: loadColour(value) }} />
                )}
                <text class-sim-bar-text={true} x={x + width / 2} y={height / 2} text-anchor='middle' dominant-baseline='central'>
                    {`${name} ${percent(value)}${value !== undefined && value > 1 ? '!' : ''}`}
                </text>
            </g>
        );
        setClass(node, cls, true);
        return node;
    }
}

/**
 * Marks each loaded node at the picked time: a frame in the colour of its higher load, its state (down, not
 * started, paused) as a CSS class, and a badge per kind of problem it has had by then, whose tooltip is what
 * the simulator said (what happened, why, how to fix it).
 */
@injectable()
export class SimulationDecorator implements IVNodePostprocessor {
    @inject(SimulationState) protected readonly state!: SimulationState;
    @inject(TYPES.IActionDispatcher) protected readonly dispatcher!: IActionDispatcher;
    private panel: SimulationPanel | undefined;

    decorate(vnode: VNode, element: GModelElement): VNode {
        const overlay = this.state.sync(element.root);
        if (!overlay || element.root === element) {
            return vnode;
        }
        const load = overlay.loads[element.id];
        const state = this.state.stateOf(element.id);
        const findings = this.state.findingsOf(element.id);
        if (!load && !state && findings.length === 0) {
            return vnode;
        }
        const size = (element as unknown as { size?: { width: number; height: number } }).size ?? { width: 0, height: 0 };
        const children: VNode[] = [];
        if (load) {
            const cpu = load.cpu?.[this.state.index];
            const memory = load.memory?.[this.state.index];
            const worst = Math.max(cpu ?? 0, memory ?? 0);
            const idle = state === 'down' || state === 'off';
            children.push(
                <rect
                    class-sim-frame={true}
                    x={-2}
                    y={-2}
                    width={size.width + 4}
                    height={size.height + 4}
                    rx={7}
                    ry={7}
                    style={{ stroke: idle ? '#8a94a3' : loadColour(worst) }}
                />
            );
            setClass(vnode, 'sim-hot', worst >= 0.9);
            vnode.data = vnode.data ?? {};
            vnode.data.attrs = { ...(vnode.data.attrs ?? {}), 'data-sim-cpu': cpu?.toFixed(3) ?? '', 'data-sim-memory': memory?.toFixed(3) ?? '' };
        }
        if (state) {
            setClass(vnode, 'sim-' + state, true);
            if (state === 'down' || state === 'off') {
                children.push(
                    <rect
                        class-sim-veil={true}
                        x={0}
                        y={0}
                        width={size.width}
                        height={size.height}
                        rx={6}
                        ry={6}
                    />
                );
            }
        }
        // one badge per kind of problem, right-aligned on the node's top edge
        const byCode = new Map<string, Finding[]>();
        for (const finding of findings) {
            byCode.set(finding.code, [...(byCode.get(finding.code) ?? []), finding]);
        }
        let right = size.width - 4;
        for (const [code, list] of byCode) {
            const text = badgeText(code) + (list.length > 1 ? ` \u00d7${list.length}` : '');
            const width = text.length * 6.1 + 14;
            right -= width;
            const severity = list.some(f => f.severity === 'error') ? 'error' : list.some(f => f.severity === 'warning') ? 'warning' : 'info';
            const last = list[list.length - 1];
            const when = list.map(f => formatTime(f.time));
            const tip = `${badgeText(code)} (${code}) at ${when.length > 6 ? when.slice(0, 6).join(', ') + ', \u2026' : when.join(', ')}:\n${last.message}`;
            const badge = (
                <g class-sim-badge={true} transform={`translate(${right}, -9)`} attrs={{ 'data-sim-tip': tip, 'data-code': code }}>
                    <rect class-sim-badge-bg={true} x={0} y={0} width={width} height={17} rx={8.5} ry={8.5} />
                    <text class-sim-badge-text={true} x={width / 2} y={9} text-anchor='middle' dominant-baseline='central'>
                        {text}
                    </text>
                </g>
            );
            setClass(badge, 'sim-' + severity, true);
            children.push(badge);
            setClass(vnode, 'sim-' + code.replace(/^sim\./, ''), true);
            right -= 4;
        }
        vnode.children = [...(vnode.children ?? []), ...children];
        return vnode;
    }

    postUpdate(): void {
        this.panel ??= new SimulationPanel(this.state, this.dispatcher);
        this.panel.refresh();
    }
}

/**
 * The page's simulation bar (below the diagram): what is shown (or why it is stale), play, step, the time
 * slider over the run's sample times, the legend, and the problems found, each a link to its element.
 */
export class SimulationPanel {
    private root: HTMLElement | undefined;
    private slider!: HTMLInputElement;
    private timeLabel!: HTMLElement;
    private status!: HTMLElement;
    private list!: HTMLElement;
    private summary!: HTMLElement;
    private ticks!: HTMLElement;
    private play!: HTMLButtonElement;
    private timer: number | undefined;
    private shownJson: string | undefined;

    constructor(
        private readonly state: SimulationState,
        private readonly dispatcher: IActionDispatcher
    ) {}

    refresh(): void {
        const overlay = this.state.overlay;
        if (!overlay) {
            this.root?.remove();
            this.root = undefined;
            this.shownJson = undefined;
            document.body.classList.remove('vinfra-simulation');
            delete document.body.dataset.vinfraSimulation;
            return;
        }
        if (!this.root) {
            this.create();
        }
        document.body.classList.add('vinfra-simulation');
        document.body.classList.toggle('vinfra-simulation-stale', overlay.status !== 'shown');
        document.body.dataset.vinfraSimulation = overlay.status;
        document.body.dataset.vinfraSimulationTime = String(this.state.time);
        const json = JSON.stringify([overlay.status, overlay.note, overlay.times.length, overlay.findings.length, overlay.endedAt]);
        if (json !== this.shownJson) {
            this.shownJson = json;
            this.rebuild(overlay);
        }
        this.slider.value = String(this.state.index);
        this.timeLabel.textContent = `${formatTime(this.state.time)} of ${formatTime(overlay.endedAt || overlay.duration)}`;
        for (const item of Array.from(this.list.children) as HTMLElement[]) {
            item.classList.toggle('sim-future', Number(item.dataset.time) > this.state.time + 1e-9);
        }
    }

    private create(): void {
        const root = document.createElement('section');
        root.className = 'sim-panel';
        root.setAttribute('aria-label', 'Simulation');
        root.innerHTML = `
            <div class="sim-row">
                <span class="sim-title">Simulation</span>
                <button class="sim-step" data-step="-1" title="One step back">\u25c0</button>
                <button class="sim-play" title="Play through the run">\u25b6 Play</button>
                <button class="sim-step" data-step="1" title="One step on">\u25b6</button>
                <div class="sim-slider-box">
                    <input class="sim-slider" type="range" min="0" max="0" step="1" value="0" aria-label="simulated time">
                    <div class="sim-ticks"></div>
                </div>
                <span class="sim-time" aria-live="polite"></span>
                <span class="sim-status"></span>
            </div>
            <div class="sim-row sim-legend">
                <span>Load:</span>
                <span class="sim-scale">0%</span><span class="sim-gradient" title="green: idle; amber from 60%; red from 90%; dark red: full or more than there is"></span><span class="sim-scale">100%+</span>
                <span class="sim-scale">(amber 60%, red 90%)</span>
                <span class="sim-key"><svg width="34" height="12"><rect x="0" y="1" width="16" height="10" rx="2" fill="#e4e8ee"/><rect x="0" y="1" width="11" height="10" rx="2" fill="${loadColour(0.7)}"/><rect x="18" y="1" width="16" height="10" rx="2" fill="#e4e8ee"/><rect x="18" y="1" width="5" height="10" rx="2" fill="${loadColour(0.3)}"/></svg> bars: CPU, memory; frame: the higher</span>
                <span class="sim-key"><span class="sim-swatch sim-swatch-down"></span>down or not started</span>
                <span class="sim-key"><span class="sim-swatch sim-swatch-badge">OOM-killed</span>a problem: hover it for what happened, why and how to fix it</span>
            </div>
            <details class="sim-problems"><summary></summary><ol class="sim-list"></ol></details>`;
        const diagram = document.getElementById('vinfra-diagram');
        diagram?.insertAdjacentElement('afterend', root);
        this.root = root;
        this.slider = root.querySelector('.sim-slider') as HTMLInputElement;
        this.timeLabel = root.querySelector('.sim-time') as HTMLElement;
        this.status = root.querySelector('.sim-status') as HTMLElement;
        this.list = root.querySelector('.sim-list') as HTMLElement;
        this.summary = root.querySelector('.sim-problems summary') as HTMLElement;
        this.ticks = root.querySelector('.sim-ticks') as HTMLElement;
        this.play = root.querySelector('.sim-play') as HTMLButtonElement;
        this.slider.addEventListener('input', () => this.pick(Number(this.slider.value)));
        for (const button of Array.from(root.querySelectorAll('.sim-step')) as HTMLElement[]) {
            button.addEventListener('click', () => {
                this.stop();
                this.pick(this.state.index + Number(button.dataset.step));
            });
        }
        this.play.addEventListener('click', () => (this.timer === undefined ? this.start() : this.stop()));
        installTooltips();
    }

    private rebuild(overlay: Overlay): void {
        this.slider.max = String(Math.max(0, overlay.times.length - 1));
        this.slider.disabled = overlay.times.length === 0;
        const errors = overlay.findings.filter(f => f.severity === 'error').length;
        const warnings = overlay.findings.filter(f => f.severity === 'warning').length;
        const what =
            overlay.times.length === 0
                ? ''
                : `${formatTime(overlay.endedAt)} simulated (seed ${overlay.seed}): ` +
                  (overlay.findings.length === 0
                      ? 'no problems'
                      : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
        const notes: Record<string, string> = {
            shown: what,
            simulating: (overlay.note || 'simulating') + '\u2026' + (what ? ` (showing the last run: ${what})` : ''),
            stale: `Out of date: ${overlay.note}` + (what ? ` (showing the last run: ${what})` : ''),
            failed: `Not simulated: ${overlay.note}`
        };
        this.status.textContent = notes[overlay.status] ?? overlay.note;
        this.status.className = 'sim-status sim-status-' + overlay.status;
        this.summary.textContent =
            overlay.findings.length === 0 ? 'No problems found' : `${overlay.findings.length} problems found (click one to see it on the diagram)`;
        this.list.replaceChildren();
        this.ticks.replaceChildren();
        const span = overlay.endedAt || overlay.duration || 1;
        for (const finding of overlay.findings) {
            const item = document.createElement('li');
            item.className = 'sim-item sim-' + finding.severity;
            item.dataset.time = String(finding.time);
            item.dataset.element = finding.elementId;
            item.dataset.code = finding.code;
            const time = document.createElement('span');
            time.className = 'sim-item-time';
            time.textContent = formatTime(finding.time);
            const code = document.createElement('span');
            code.className = 'sim-item-code';
            code.textContent = `${badgeText(finding.code)} \u00b7 ${finding.entity}`;
            const message = document.createElement('span');
            message.className = 'sim-item-message';
            message.textContent = finding.message;
            item.append(time, code, message);
            item.title = `${finding.code}: click to go to ${finding.elementId === 'topology' ? 'that time' : finding.elementId} at ${formatTime(finding.time)}`;
            item.addEventListener('click', () => this.reveal(finding));
            this.list.appendChild(item);
            const tick = document.createElement('span');
            tick.className = 'sim-tick sim-' + finding.severity;
            tick.style.left = `${Math.min(100, (100 * finding.time) / span)}%`;
            this.ticks.appendChild(tick);
        }
    }

    private pick(index: number): void {
        void this.dispatcher.dispatch(SetSimulationTimeAction.create(index));
    }

    /** Goes to the time of a problem and selects (and centres) its element. */
    private reveal(finding: Finding): void {
        this.stop();
        this.pick(this.state.indexAt(finding.time));
        if (finding.elementId !== 'topology') {
            void this.dispatcher.dispatchAll([
                SelectAction.create({ selectedElementsIDs: [finding.elementId], deselectedElementsIDs: true }),
                CenterAction.create([finding.elementId], { retainZoom: true })
            ]);
        }
    }

    private start(): void {
        const count = this.state.overlay?.times.length ?? 0;
        if (this.state.index >= count - 1) {
            this.pick(0);
        }
        this.play.textContent = '\u275a\u275a Pause';
        this.timer = window.setInterval(() => {
            const last = (this.state.overlay?.times.length ?? 1) - 1;
            if (this.state.index >= last) {
                this.stop();
                return;
            }
            this.pick(this.state.index + 1);
        }, 120);
    }

    private stop(): void {
        if (this.timer !== undefined) {
            window.clearInterval(this.timer);
            this.timer = undefined;
        }
        if (this.play) {
            this.play.textContent = '\u25b6 Play';
        }
    }
}

let tooltipsInstalled = false;

/** Shows the text of the nearest `data-sim-tip` under the pointer next to it (badges, load bars, veils). */
function installTooltips(): void {
    if (tooltipsInstalled) {
        return;
    }
    tooltipsInstalled = true;
    const tip = document.createElement('div');
    tip.className = 'sim-tooltip';
    tip.setAttribute('role', 'tooltip');
    document.body.appendChild(tip);
    document.addEventListener('mousemove', event => {
        const target = (event.target as Element | null)?.closest?.('[data-sim-tip]');
        const text = target?.getAttribute('data-sim-tip');
        if (!text) {
            tip.style.display = 'none';
            return;
        }
        tip.textContent = text;
        tip.style.display = 'block';
        const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
        const y = event.clientY + 16 + tip.offsetHeight > window.innerHeight ? event.clientY - tip.offsetHeight - 10 : event.clientY + 16;
        tip.style.left = `${Math.max(4, x)}px`;
        tip.style.top = `${Math.max(4, y)}px`;
    });
}
