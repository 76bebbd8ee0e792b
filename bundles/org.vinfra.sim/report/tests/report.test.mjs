// Browser tests of the HTML simulation report: the real `./vinfra simulate examples/overload-lab.vinfra
// --format html` (and a --sweep), opened as a file in headless Chromium with the network off, as a user
// opens a mailed report: the charts are drawn, nothing is fetched, no script error, hovering a chart
// shows a tooltip with values and units, the run's events and the capacities are marked, legend
// entries toggle series, the workload outcomes are listed. Screenshots: SCREENSHOTS/report-*.png.
//
//   node --test tests/    (from bundles/org.vinfra.sim/report, after the CLI is built)
//
// Environment: VINFRA_ROOT (the repository), VINFRA_SCREENSHOTS, VINFRA_CHROMIUM (default /usr/bin/chromium),
// VINFRA_REAL_TOOLS=required (fail instead of skipping when Chromium is missing), VINFRA_COMMAND (./vinfra).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.env.VINFRA_ROOT ?? join(here, '..', '..', '..', '..'));
const screenshots = resolve(process.env.VINFRA_SCREENSHOTS ?? join(here, '..', '..', 'target', 'screenshots'));
const chromiumPath = process.env.VINFRA_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.VINFRA_REAL_TOOLS === 'required';
const vinfra = process.env.VINFRA_COMMAND ?? join(root, 'vinfra');

let skip = false;
if (!existsSync(chromiumPath)) {
    const message = `Chromium is missing (${chromiumPath}): the browser tests of the HTML report are skipped (Debian: apt-get install chromium)`;
    if (required) {
        throw new Error(message + ' but VINFRA_REAL_TOOLS=required');
    }
    console.log('SKIPPED: ' + message);
    skip = message;
}
if (!skip && !process.env.VINFRA_COMMAND && !existsSync(join(root, 'bundles', 'org.vinfra.cli', 'target', 'vinfra.jar'))) {
    skip = 'the command line is not built (bundles/org.vinfra.cli/target): run the Maven build first';
    console.log('SKIPPED: ' + skip);
}
let chromium;
try {
    ({ chromium } = await import('playwright-core'));
} catch (error) {
    if (required) {
        throw new Error(`playwright-core is not installed: ${error.message}`);
    }
    skip ||= `playwright-core is not installed (npm ci installs it): ${error.message}`;
    console.log('SKIPPED: ' + skip);
}

const work = mkdtempSync(join(tmpdir(), 'vinfra-report-'));

function simulate(...args) {
    execFileSync(vinfra, ['simulate', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300000 });
}

/** Opens a report file with every request but the file itself refused; records console errors and failed requests. */
async function open(browser, file, name) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const page = await context.newPage();
    const errors = [];
    const requests = [];
    page.on('console', message => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', error => errors.push(error.message));
    page.on('request', request => request.url() !== pathToFileURL(file).href && requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, null, { timeout: 30000 });
    mkdirSync(screenshots, { recursive: true });
    return { page, errors, requests, context, shot: suffix => page.screenshot({ path: join(screenshots, `report-${name}-${suffix}.png`) }) };
}

describe('the HTML simulation report in Chromium', { skip }, () => {
    let browser;
    const lab = join(work, 'overload-lab.html');
    const sweep = join(work, 'sweep.html');

    before(async () => {
        simulate('examples/overload-lab.vinfra', '--for', '8 min', '--format', 'html', '-o', lab);
        simulate('examples/overload-lab.vinfra', '--for', '5 min', '--format', 'html', '-o', sweep, '--jitter', '0.2', '--sweep', 'overcommit.cpu=1.0,2.0', '--sweep', 'seed=1..2');
        browser = await chromium.launch({
            executablePath: chromiumPath,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        });
    });

    after(async () => browser?.close());

    test('one file, drawn offline: every chart full width with ticks in units, no script error, nothing fetched', async () => {
        console.log(`report size: ${Math.round(statSync(lab).size / 1024)} KiB`);
        const { page, errors, requests, context, shot } = await open(browser, lab, 'overload-lab');
        const charts = await page.$$eval('.chart', nodes => nodes.map(node => ({
            id: node.id,
            width: node.getBoundingClientRect().width,
            height: node.getBoundingClientRect().height,
            paths: node.querySelectorAll('svg path').length,
            texts: [...node.querySelectorAll('svg text')].map(t => t.textContent)
        })));
        const ids = charts.map(c => c.id);
        for (const id of ['chart-cluster-cpu', 'chart-host-cpu', 'chart-host-memory', 'chart-vm-ready']) {
            assert.ok(ids.includes(id), `chart ${id} is drawn (charts: ${ids})`);
        }
        const body = await page.evaluate(() => document.body.getBoundingClientRect().width);
        for (const chart of charts) {
            assert.ok(chart.width >= body * 0.9 && chart.height >= 300, `${chart.id} is ${chart.width}x${chart.height}, the page ${body} wide`);
            assert.ok(chart.paths > 10, `${chart.id} has drawn lines (${chart.paths} paths)`);
            const seconds = chart.texts.filter(t => /^\d+(\.\d+)? s$/.test(t));
            assert.ok(seconds.length >= 4, `${chart.id}: the time axis has ticks in seconds (${chart.texts.join('|')})`);
            assert.ok(chart.texts.includes('simulated time (s)'), `${chart.id}: the time axis is named`);
        }
        const cpu = charts.find(c => c.id === 'chart-host-cpu');
        assert.ok(cpu.texts.includes('% of logical CPUs') && cpu.texts.includes('100'), `CPU in percent up to 100 (${cpu.texts.join('|')})`);
        assert.deepEqual(errors, [], 'no script errors');
        assert.deepEqual(requests, [], 'the page fetches nothing');
        await shot('top');
        await page.locator('#chart-host-memory').scrollIntoViewIfNeeded();
        await shot('memory');
        await context.close();
    });

    test('hovering a chart shows the values with their unit at that time', async () => {
        const { page, context, shot } = await open(browser, lab, 'overload-lab');
        const chart = page.locator('#chart-host-cpu');
        await chart.scrollIntoViewIfNeeded();
        const box = await chart.boundingBox();
        await page.mouse.move(box.x + box.width * 0.6, box.y + 120);
        const tooltip = page.locator('#chart-host-cpu div').filter({ hasText: /% of logical CPUs/ }).last();
        await tooltip.waitFor({ state: 'visible', timeout: 5000 });
        const text = await tooltip.innerText();
        assert.match(text, /^\d+(\.\d+)? s/, `the tooltip starts with the time: ${text}`);
        const hosts = await page.evaluate(() => JSON.parse(document.getElementById('vinfra-report-data').textContent).report.series
            .filter(s => s.metric === 'cpu' && s.entity !== 'cluster').map(s => s.entity));
        for (const host of hosts) {
            assert.ok(text.includes(host + ':'), `the tooltip lists ${host}: ${text}`);
        }
        await shot('tooltip');
        await context.close();
    });

    test('events and capacities are marked; every series has its own colour; the legend hides and shows a series', async () => {
        const { page, context, shot } = await open(browser, lab, 'overload-lab');
        const option = await page.evaluate(() => {
            const chart = window.vinfraReport.charts.find(c => c.getDom().id === 'chart-host-memory');
            const o = chart.getOption();
            return { series: o.series.map(s => ({ name: s.name, color: s.color, marks: s.markLine?.data?.length ?? 0,
                capacity: s.markLine?.data?.[0]?.name === 'capacity', dataLength: s.data.length })), selected: o.legend[0].selected };
        });
        const data = option.series.filter(s => s.dataLength > 0);
        assert.ok(data.length >= 2, 'a series per host');
        assert.ok(data.every(s => s.capacity), 'each host has its memory capacity line');
        const events = option.series.filter(s => s.name.startsWith('event: ') || /^(error|warning|info): /.test(s.name));
        const problems = events.filter(s => s.name.startsWith('error: ') || s.name.startsWith('warning: '));
        assert.ok(problems.length > 0 && problems.every(s => s.marks > 0 && option.selected[s.name]), 'problems are marked, shown from the start');
        assert.ok(events.some(s => s.name === 'event: host-up' && s.marks > 0 && option.selected[s.name]), 'host boots are marked');
        const colours = option.series.filter(s => !s.name.startsWith('capacity')).map(s => s.color);
        assert.equal(new Set(colours).size, colours.length, `no colour repeats in a chart: ${colours}`);
        assert.ok(data.every(s => option.selected[s.name] !== false), 'no series hidden');
        // the marks are drawn: dashed lines in the SVG
        const dashed = await page.$$eval('#chart-host-memory svg path[stroke-dasharray]', nodes => nodes.length);
        assert.ok(dashed > 0, 'dashed event marks drawn');
        // a legend click hides the first host's line, a second click shows it again
        const host = data[0].name;
        const paths = () => page.$$eval('#chart-host-memory svg path', nodes => nodes.length);
        const before = await paths();
        await page.locator('#chart-host-memory').scrollIntoViewIfNeeded();
        await page.locator('#chart-host-memory svg text', { hasText: new RegExp(`^${host}$`) }).first().click();
        await page.waitForTimeout(300);
        const hidden = await page.evaluate(name => window.vinfraReport.charts.find(c => c.getDom().id === 'chart-host-memory').getOption().legend[0].selected[name], host);
        assert.equal(hidden, false, `${host} switched off by its legend entry`);
        assert.ok(await paths() < before, 'its line is gone');
        await page.mouse.move(5, 5);
        await page.waitForTimeout(300);
        await shot('legend-off');
        await page.locator('#chart-host-memory svg text', { hasText: new RegExp(`^${host}$`) }).first().click();
        await page.waitForTimeout(300);
        assert.equal(await paths(), before, 'and back');
        await context.close();
    });

    test('the workload outcomes, problems and timeline are listed', async () => {
        const { page, context, shot } = await open(browser, lab, 'overload-lab');
        const report = JSON.parse(readFileSync(lab, 'utf8').match(/<script type="application\/json" id="vinfra-report-data">([\s\S]*?)<\/script>/)[1]).report;
        const rows = await page.$$eval('#workloads tbody tr', trs => trs.map(tr => [...tr.cells].map(td => td.textContent)));
        assert.deepEqual(rows.map(r => r[0]), report.workloads.map(w => w.name), 'one row per workload, in order');
        for (const [i, workload] of report.workloads.entries()) {
            const outcome = rows[i][7];
            assert.equal(outcome, workload.missedDeadline ? 'missed its deadline' : workload.finished !== null ? 'finished' : workload.started !== null ? 'did not finish' : 'never started');
        }
        assert.equal(await page.$$eval('#problems tbody tr', trs => trs.length), report.problems.length);
        assert.ok(await page.$$eval('#timeline tbody tr', trs => trs.length) > 0);
        await page.locator('#workloads').scrollIntoViewIfNeeded();
        await shot('workloads');
        await context.close();
    });

    test('a sweep: one bar chart of the runs and their table', async () => {
        const { page, errors, context, shot } = await open(browser, sweep, 'sweep');
        assert.deepEqual(errors, []);
        const texts = await page.$$eval('#chart-sweep svg text', nodes => nodes.map(n => n.textContent));
        assert.ok(texts.some(t => t.startsWith('overcommit.cpu=2.0, seed=2')), `the runs name the x axis: ${texts.join('|')}`);
        assert.ok(texts.includes('capacity: all logical CPUs'));
        assert.equal(await page.$$eval('#sweep tbody tr', trs => trs.length), 4);
        const box = await page.locator('#chart-sweep').boundingBox();
        await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
        await page.locator('#chart-sweep div').filter({ hasText: /last finish/ }).last().waitFor({ state: 'visible', timeout: 5000 });
        await shot('chart');
        await context.close();
    });
});
