// The charts and tables of vinfra's HTML simulation report, drawn with Apache ECharts from the one JSON
// document the page carries (<script type="application/json" id="vinfra-report-data">):
//   { "title": ..., "capacities": [{entity, metric, value, unit}], "report": <the JSON report> }
// where "report" is what `./vinfra simulate --format json` writes (schema vinfra-simulation/1, see
// docs/simulation-result.schema.json) or, for a sweep, what `--sweep ... --format json` writes
// (schema vinfra-sweep/1). Bundled with the library into one script by build.mjs; HtmlReport.java
// inlines it, so the page works offline as one file.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent, AriaComponent, SVGRenderer]);

/** Kelly's 20 colours of maximum contrast (white and black left out), then colours spread by the golden angle. */
const KELLY = ['#0067a5', '#be0032', '#008856', '#f38400', '#875692', '#a1caf1', '#c2b280', '#848482', '#e68fac', '#f3c300',
    '#604e97', '#f99379', '#b3446c', '#dcd300', '#882d17', '#8db600', '#654522', '#e25822', '#2b3d26', '#f6a600'];

export function colour(index) {
    if (index < KELLY.length) {
        return KELLY[index];
    }
    const hue = Math.round((index * 137.508) % 360);
    return `hsl(${hue}, ${index % 2 ? 55 : 75}%, ${index % 3 ? 40 : 55}%)`;
}

/** The timeline's kinds marked on the charts from the start (the others are in the legend, switched off). */
const NOTABLE = new Set(['host-up', 'power-on', 'host-recover', 'vm-up', 'vm-down', 'spike', 'workload-abort', 'container-exit',
    'container-stop', 'nic-recover', 'hot-add', 'flow-cut', 'note']);
/** At most this many marks per kind of event and chart (the tables list them all). */
const MARKS_PER_KIND = 200;
const TIMELINE_ROWS = 500;

const charts = [];

function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        node.setAttribute(name, value);
    }
    for (const child of children) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

function seconds(value) {
    return value === null || value === undefined ? '-' : `${round(value)} s`;
}

function round(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 3).replace(/\.?0+$/, '');
}

function table(id, caption, headers, rows, rowClass = () => '') {
    const body = element('tbody');
    for (const row of rows) {
        const tr = element('tr', { class: rowClass(row) });
        row.cells.forEach((cell, i) => tr.append(element('td', headers[i].number ? { class: 'n' } : {}, cell)));
        body.append(tr);
    }
    const head = element('tr');
    headers.forEach(h => head.append(element('th', { scope: 'col' }, h.title)));
    return element('table', { id }, element('caption', {}, caption), element('thead', {}, head), body);
}

/**
 * The marks of the run's events: one legend entry per problem code and per kind of event, each drawn as
 * dashed vertical lines at the times it happened (hovering one says what happened).
 */
function eventGroups(report) {
    const groups = new Map();
    const add = (key, name, notable, mark) => {
        if (!groups.has(key)) {
            groups.set(key, { name, notable, marks: [], total: 0 });
        }
        const group = groups.get(key);
        group.total++;
        if (group.marks.length < MARKS_PER_KIND) {
            group.marks.push(mark);
        }
    };
    for (const problem of report.problems) {
        add('problem ' + problem.code, `${problem.severity}: ${problem.code}`, problem.severity !== 'info',
            { time: problem.time, text: `${problem.severity} ${problem.code} on ${problem.entity}: ${problem.message}` });
    }
    for (const event of report.timeline) {
        if (event.kind !== 'problem') {
            add('event ' + event.kind, `event: ${event.kind}`, NOTABLE.has(event.kind), { time: event.time, text: `${event.kind} ${event.entity}: ${event.message}` });
        }
    }
    return [...groups.values()];
}

/**
 * One line chart: a series per entity, the capacities as solid thin lines of the series' colour, the
 * events as dashed vertical marks; the time axis is the run's, with ticks in seconds.
 */
function lineChart(container, spec, report, groups, eventColours) {
    const node = element('div', { class: 'chart', id: spec.id, role: 'img', 'aria-label': spec.title });
    container.append(element('section', {}, element('h3', {}, spec.title, element('span', { class: 'unit' }, ` (${spec.unit})`)), node));
    // every legend entry in view (no paging): the chart grows by the legend's rows
    const names = [...spec.series.map(s => s.label), spec.capacityLabel, ...groups.map(g => g.name + ' (first 200 of 0000)')].filter(Boolean);
    const legendRows = rows(names, node.clientWidth - 40);
    node.style.height = `${300 + 24 * legendRows}px`;
    const chart = echarts.init(node, null, { renderer: 'svg' });
    charts.push(chart);
    const series = spec.series.map((s, i) => ({
        name: s.label,
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { width: 1.6 },
        color: colour(i),
        emphasis: { focus: 'series' },
        data: s.times.map((t, j) => [t, s.values[j] === null ? null : s.values[j] * spec.scale]),
        markLine: s.capacity === undefined ? undefined : {
            silent: false, symbol: 'none', animation: false,
            lineStyle: { type: 'solid', width: 2, opacity: 0.75 },
            label: { formatter: `capacity ${round(s.capacity)} ${spec.unit}`, position: 'insideEndTop', fontSize: 10 },
            tooltip: { formatter: `${s.label}: capacity ${round(s.capacity)} ${spec.unit}` },
            data: [{ yAxis: s.capacity, name: 'capacity' }]
        }
    }));
    if (spec.capacity !== undefined) {
        series.push({
            name: spec.capacityLabel, type: 'line', color: '#000', data: [], lineStyle: { type: 'solid', width: 2 },
            markLine: {
                symbol: 'none', animation: false, lineStyle: { color: '#000', type: 'solid', width: 2 },
                label: { formatter: spec.capacityLabel, position: 'insideEndTop', fontSize: 10 },
                tooltip: { formatter: spec.capacityLabel },
                data: [{ yAxis: spec.capacity }]
            }
        });
    }
    const selected = {};
    groups.forEach((group, i) => {
        const name = group.total > group.marks.length ? `${group.name} (first ${group.marks.length} of ${group.total})` : group.name;
        selected[name] = group.notable;
        series.push({
            name, type: 'line', data: [], color: colour(eventColours + i), lineStyle: { type: 'dashed' },
            markLine: {
                symbol: ['none', 'pin'], symbolSize: 12, animation: false,
                lineStyle: { type: 'dashed', width: 1.2 },
                label: { show: false },
                tooltip: { formatter: params => `${round(params.data.xAxis)} s: ${escapeHtml(params.data.text)}` },
                data: group.marks.map(mark => ({ xAxis: mark.time, text: mark.text }))
            }
        });
    });
    chart.setOption({
        animation: false,
        aria: { enabled: true },
        grid: { left: 64, right: 28, top: 16, bottom: 76 + 24 * legendRows, containLabel: false },
        legend: { type: 'plain', bottom: 0, left: 8, right: 8, selected, textStyle: { fontSize: 11 }, itemGap: 10 },
        tooltip: {
            trigger: 'axis', confine: true, order: 'valueDesc',
            axisPointer: { type: 'line' },
            valueFormatter: value => value === null || value === undefined ? '-' : `${round(value)} ${spec.unit}`,
            formatter: params => axisTooltip(params, spec, report)
        },
        dataZoom: [{ type: 'inside', filterMode: 'none' }, { type: 'slider', height: 16, bottom: 18 + 24 * legendRows, filterMode: 'none' }],
        xAxis: {
            type: 'value', name: 'simulated time (s)', nameLocation: 'middle', nameGap: 24, min: 0, max: report.run.endedAt || report.run.duration,
            axisLabel: { formatter: value => `${round(value)} s` }, splitLine: { show: true, lineStyle: { color: '#eee' } }
        },
        yAxis: {
            type: 'value', name: spec.unit, nameLocation: 'middle', nameGap: 48, min: 0,
            max: spec.max ? value => Math.max(spec.max, value.max) : undefined,
            axisLabel: { formatter: value => `${round(value)}` }, splitLine: { lineStyle: { color: '#eee' } }
        },
        series
    });
    return chart;
}

/** How many rows a legend of these names takes in this width (11 px text: about 6.5 px a character, 40 px for the symbol and gap). */
function rows(names, width) {
    let count = 1;
    let used = 0;
    for (const name of names) {
        const needed = name.length * 6.5 + 40;
        if (used > 0 && used + needed > width) {
            count++;
            used = 0;
        }
        used += needed;
    }
    return count;
}

function escapeHtml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The values at the time under the pointer, and the events of the sample interval around it. */
function axisTooltip(params, spec, report) {
    if (!params.length) {
        return '';
    }
    const time = params[0].axisValue;
    const lines = [`<b>${round(time)} s</b>`];
    for (const p of params) {
        if (p.seriesName && Array.isArray(p.value) && p.value[1] !== null) {
            lines.push(`${p.marker}${escapeHtml(p.seriesName)}: <b>${round(p.value[1])} ${escapeHtml(spec.unit)}</b>`);
        }
    }
    const times = spec.series.length ? spec.series[0].times : [];
    const step = times.length > 1 ? times[1] - times[0] : 1;
    const near = report.timeline.filter(e => Math.abs(e.time - time) <= step / 2).slice(0, 6);
    for (const event of near) {
        lines.push(`<span class="tip-event">${round(event.time)} s ${escapeHtml(event.kind)} ${escapeHtml(event.entity)}: ${escapeHtml(event.message)}</span>`);
    }
    return lines.join('<br>');
}

function bySeries(report, metric, cluster) {
    return report.series.filter(s => s.metric === metric && (cluster ? s.entity === 'cluster' : s.entity !== 'cluster'));
}

function simulationReport(root, data) {
    const report = data.report;
    const run = report.run;
    const summary = report.summary;
    root.append(element('p', { id: 'summary' }, `Simulated ${round(run.endedAt)} s of ${round(run.duration)} s (${run.outcome}), ${run.events} events, seed ${run.seed}: `,
        element('b', {}, `${summary.errors} errors`), `, ${summary.warnings} warnings; ${summary.finished} of ${summary.workloads} workloads finished, `
        + `${summary.missedDeadlines} missed their deadline.`));
    const capacity = (entity, metric) => (data.capacities.find(c => c.entity === entity && c.metric === metric) || {}).value;
    const withCapacity = (list, metric) => list.map(s => ({ ...s, label: s.entity, capacity: capacity(s.entity, metric) }));
    const labelled = list => list.map(s => ({ ...s, label: s.entity }));
    const specs = [
        { id: 'chart-cluster-cpu', title: 'Cluster CPU utilisation', unit: '% of logical CPUs', scale: 100, max: 100, capacity: 100,
            capacityLabel: 'capacity: all logical CPUs', series: labelled(bySeries(report, 'cpu', true)) },
        { id: 'chart-host-cpu', title: 'CPU utilisation per host', unit: '% of logical CPUs', scale: 100, max: 100, capacity: 100,
            capacityLabel: 'capacity: the host\'s logical CPUs', series: labelled(bySeries(report, 'cpu', false)) },
        { id: 'chart-host-memory', title: 'Memory in use per host', unit: 'GiB', scale: 1, series: withCapacity(bySeries(report, 'memory', false), 'memory'),
            maxOfCapacities: 0 },
        { id: 'chart-swap', title: 'Swapped guest memory', unit: 'GiB', scale: 1,
            series: labelled([...bySeries(report, 'swap', true), ...bySeries(report, 'swap', false)]) },
        { id: 'chart-host-network', title: 'Network through each host\'s NICs', unit: 'Mbps', scale: 1,
            series: withCapacity(bySeries(report, 'network', false), 'network'), maxOfCapacities: 0.25 },
        { id: 'chart-vm-ready', title: 'CPU ready time per VM', unit: 'vCPUs waiting for a CPU', scale: 1, series: labelled(bySeries(report, 'ready', false)) }
    ].filter(spec => spec.series.length > 0);
    for (const spec of specs.filter(s => s.maxOfCapacities !== undefined)) {
        // the axis reaches the capacities, unless the values stay below this fraction of them (a 10 Gbps NIC
        // carrying 5 Mbps: its capacity line is left out rather than flattening the values)
        const peak = Math.max(0, ...spec.series.flatMap(s => s.values.filter(v => v !== null)));
        const capacities = spec.series.map(s => s.capacity).filter(c => c !== undefined);
        const top = Math.max(0, ...capacities);
        if (top > 0 && peak >= spec.maxOfCapacities * top) {
            spec.max = top;
        } else {
            spec.series.forEach(s => delete s.capacity);
        }
    }
    const groups = eventGroups(report);
    const section = element('div', { class: 'charts' });
    root.append(element('h2', {}, 'Charts'), element('p', { class: 'hint' }, 'Hover a chart for the values and events at that time; click a legend entry to hide or show it; '
        + 'scroll or drag the slider to zoom. Dashed lines mark events, solid straight lines capacities.'), section);
    // an event kind has the same colour on every chart, after the colours of the most series a chart has
    const eventColours = Math.max(...specs.map(spec => spec.series.length));
    specs.forEach(spec => lineChart(section, spec, report, groups, eventColours));

    root.append(element('h2', {}, 'Workload outcomes'));
    root.append(report.workloads.length === 0 ? element('p', {}, 'No workloads.') : table('workloads', 'What each workload did', [
        { title: 'workload' }, { title: 'runs on' }, { title: 'started', number: true }, { title: 'finished', number: true },
        { title: 'run time', number: true }, { title: 'deadline', number: true }, { title: 'CPU time', number: true }, { title: 'outcome' }
    ], report.workloads.map(w => ({
        workload: w,
        cells: [w.name, w.runsOn, seconds(w.started), seconds(w.finished),
            w.finished === null || w.started === null ? '-' : seconds(w.finished - w.started), seconds(w.deadline), seconds(w.cpuSeconds),
            w.missedDeadline ? 'missed its deadline' : w.finished !== null ? 'finished' : w.started !== null ? 'did not finish' : 'never started']
    })), row => row.workload.missedDeadline ? 'error' : row.workload.finished === null ? 'warning' : ''));

    root.append(element('h2', {}, 'Problems found'));
    root.append(report.problems.length === 0 ? element('p', {}, 'None.') : table('problems', 'Problems, in the order found', [
        { title: 'time', number: true }, { title: 'severity' }, { title: 'code' }, { title: 'element' }, { title: 'problem' }
    ], report.problems.map(p => ({ cells: [seconds(p.time), p.severity, p.code, p.entity, p.message], severity: p.severity })), row => row.severity));

    root.append(element('h2', {}, 'Timeline'));
    root.append(table('timeline', report.timeline.length > TIMELINE_ROWS ? `The first ${TIMELINE_ROWS} of ${report.timeline.length} events (the JSON report lists all)` : 'Every event',
        [{ title: 'time', number: true }, { title: 'event' }, { title: 'element' }, { title: 'what' }],
        report.timeline.slice(0, TIMELINE_ROWS).map(e => ({ cells: [seconds(e.time), e.kind, e.entity, e.message] }))));
}

function sweepReport(root, data) {
    const sweep = data.report;
    const label = run => Object.entries(run.values).map(([k, v]) => `${k}=${v}`).join(', ');
    const node = element('div', { class: 'chart', id: 'chart-sweep', role: 'img', 'aria-label': 'Each run of the sweep' });
    root.append(element('h2', {}, 'Runs'), element('section', {}, element('h3', {}, 'Each run: when the last workload finished, mean run time, peak cluster CPU'), node));
    const chart = echarts.init(node, null, { renderer: 'svg' });
    charts.push(chart);
    chart.setOption({
        animation: false,
        aria: { enabled: true },
        grid: { left: 64, right: 72, top: 24, bottom: 110 },
        legend: { bottom: 0 },
        tooltip: { trigger: 'axis', confine: true },
        xAxis: { type: 'category', name: 'run', data: sweep.runs.map(label), axisLabel: { rotate: sweep.runs.length > 6 ? 30 : 0, fontSize: 10 } },
        yAxis: [
            { type: 'value', name: 's', min: 0, axisLabel: { formatter: v => `${round(v)} s` } },
            { type: 'value', name: '% of logical CPUs', min: 0, max: 100, axisLabel: { formatter: v => `${v} %` }, splitLine: { show: false } }
        ],
        series: [
            { name: 'last finish (s)', type: 'bar', color: colour(0), data: sweep.runs.map(r => r.lastFinish), tooltip: { valueFormatter: v => seconds(v) } },
            { name: 'mean run time (s)', type: 'bar', color: colour(1), data: sweep.runs.map(r => r.meanRunTime), tooltip: { valueFormatter: v => seconds(v) } },
            {
                name: 'peak cluster CPU (%)', type: 'line', yAxisIndex: 1, color: colour(2), data: sweep.runs.map(r => r.peakClusterCpu * 100),
                tooltip: { valueFormatter: v => `${round(v)} %` },
                markLine: { symbol: 'none', data: [{ yAxis: 100 }], lineStyle: { color: '#000', width: 2, type: 'solid' }, label: { formatter: 'capacity: all logical CPUs', position: 'insideEndTop' } }
            }
        ]
    });
    root.append(element('h2', {}, 'Sweep'), table('sweep', 'One row per run', [
        ...sweep.parameters.map(p => ({ title: p })), { title: 'errors', number: true }, { title: 'warnings', number: true },
        { title: 'finished', number: true }, { title: 'missed', number: true }, { title: 'last finish', number: true }, { title: 'mean run', number: true },
        { title: 'peak CPU', number: true }, { title: 'problems' }
    ], sweep.runs.map(r => ({
        errors: r.errors,
        cells: [...sweep.parameters.map(p => r.values[p]), r.errors, r.warnings, `${r.finished}/${r.workloads}`, r.missedDeadlines, seconds(r.lastFinish),
            seconds(r.meanRunTime), `${Math.round(r.peakClusterCpu * 100)} %`,
            Object.entries(r.problems).map(([code, n]) => `${code} x${n}`).join(', ') || '-']
    })), row => row.errors > 0 ? 'error' : ''));
}

function main() {
    const data = JSON.parse(document.getElementById('vinfra-report-data').textContent);
    const root = document.getElementById('report');
    if (data.report.schema === 'vinfra-sweep/1') {
        sweepReport(root, data);
    } else {
        simulationReport(root, data);
    }
    window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
    document.documentElement.dataset.rendered = String(charts.length);
}

// For tests: the ECharts instances of the page.
window.vinfraReport = { charts };
main();
