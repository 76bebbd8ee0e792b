// Browser tests of the simulation overlay: the real `./vinfra diagram examples/overload-lab.vinfra
// --simulate --for 8 min`, driven in headless Chromium as a user would: move the time slider, read the
// loads, states and badges of the elements, hover a badge, click a problem, play, edit the file (the run
// is made again; with an error it is marked stale). Screenshots: SCREENSHOTS/diagram-simulation-*.png.
//
//   node --test tests/simulation.test.mjs    (from bundles/org.vinfra.diagram.server/client, after the CLI is built)
//
// Environment as tests/diagram.test.mjs: VINFRA_ROOT, VINFRA_SCREENSHOTS, VINFRA_CHROMIUM, VINFRA_REAL_TOOLS.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.env.VINFRA_ROOT ?? join(here, '..', '..', '..', '..'));
const screenshots = resolve(process.env.VINFRA_SCREENSHOTS ?? join(here, '..', '..', 'target', 'screenshots'));
const chromiumPath = process.env.VINFRA_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.VINFRA_REAL_TOOLS === 'required';
const vinfra = process.env.VINFRA_COMMAND ?? join(root, 'vinfra');

let skip = false;
if (!existsSync(chromiumPath)) {
    const message = `Chromium is missing (${chromiumPath}): the browser tests of the simulation overlay are skipped (Debian: apt-get install chromium)`;
    if (required) {
        throw new Error(message + ' but VINFRA_REAL_TOOLS=required');
    }
    console.log('SKIPPED: ' + message);
    skip = message;
}
if (!skip && !process.env.VINFRA_COMMAND && !existsSync(join(root, 'bundles', 'org.vinfra.cli', 'target', 'org.vinfra.cli.jar'))) {
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

const started = new Set();
process.on('exit', () => started.forEach(child => child.exitCode === null && child.kill('SIGKILL')));

/** Starts `./vinfra diagram ARGS` in `cwd`; resolves with { url, process, stderr() } once it printed its URL. */
function startDiagram(cwd, args) {
    return new Promise((resolvePromise, reject) => {
        const child = spawn(vinfra, ['diagram', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        started.add(child);
        let out = '';
        let err = '';
        const timer = setTimeout(() => reject(new Error('./vinfra diagram printed no URL in 60 s; stderr: ' + err)), 60000);
        child.stdout.on('data', chunk => {
            out += chunk;
            if (out.includes('\n')) {
                clearTimeout(timer);
                resolvePromise({ url: out.split('\n')[0].trim(), process: child, stderr: () => err });
            }
        });
        child.stderr.on('data', chunk => (err += chunk));
        child.on('exit', code => {
            clearTimeout(timer);
            reject(new Error(`./vinfra diagram exited with ${code}: ${err}`));
        });
    });
}

function stop(server) {
    return new Promise(resolvePromise => {
        if (server.process.exitCode !== null) {
            resolvePromise(server.process.exitCode);
            return;
        }
        server.process.removeAllListeners('exit');
        server.process.on('exit', code => resolvePromise(code));
        server.process.kill('SIGINT');
        setTimeout(() => server.process.kill('SIGKILL'), 15000);
    });
}

async function waitFor(check, what, timeout = 20000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
        const value = await check();
        if (value) {
            return value;
        }
        await new Promise(r => setTimeout(r, 50));
    }
    throw new Error('timed out waiting for ' + what);
}

// the drawn element (sprotty also keeps a hidden copy for measuring)
const node = (page, id) => page.locator(`#vinfra-diagram [id="vinfra-diagram_${id}"]`);
const classesOf = async (page, id) => ((await node(page, id).getAttribute('class')) ?? '').split(/\s+/);
const badgesOf = async (page, id) => node(page, id).locator(':scope > .sim-badge').allTextContents();
const load = async (page, id) => ({
    cpu: Number(await node(page, id).getAttribute('data-sim-cpu')),
    memory: Number(await node(page, id).getAttribute('data-sim-memory'))
});
const simulatedTime = page => page.evaluate(() => Number(document.body.dataset.vinfraSimulationTime));

/** Moves the slider (as a user drags it) to the sample nearest to `seconds`; resolves with the time shown. */
async function pickTime(page, seconds) {
    const slider = page.locator('.sim-slider');
    const max = Number(await slider.getAttribute('max'));
    const index = Math.round((seconds / 480) * max);
    await slider.fill(String(index));
    await waitFor(async () => Math.abs((await simulatedTime(page)) - (index * 480) / max) < 1e-6, `the time ${seconds} s picked`);
    await page.waitForTimeout(100);
    return simulatedTime(page);
}

describe('the simulation overlay in a browser', { skip }, () => {
    let browser;
    let folder;
    before(async () => {
        mkdirSync(screenshots, { recursive: true });
        folder = mkdtempSync(join(tmpdir(), 'vinfra-simulation-test-'));
        browser = await chromium.launch({
            executablePath: chromiumPath,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        });
    });
    after(async () => {
        await browser?.close();
    });

    test('vinfra diagram --simulate: loads, states and problems at the time picked; re-run on a change, stale on an error', async () => {
        const file = join(folder, 'overload-lab.vinfra');
        copyFileSync(join(root, 'examples', 'overload-lab.vinfra'), file);
        const server = await startDiagram(folder, ['overload-lab.vinfra', '--simulate', '--for', '8', 'min']);
        try {
            const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
            const errors = [];
            page.on('pageerror', error => errors.push(error.message));
            await page.goto(server.url);
            await page.waitForSelector('body[data-vinfra-simulation="shown"]', { timeout: 30000 });
            await waitFor(() => server.stderr().includes('vinfra diagram: simulated 8 min in '), 'the run reported on standard error');
            assert.match(await page.locator('.sim-status').textContent(), /^8 min simulated \(seed 1\): 11 errors, 2 warnings$/);
            await page.locator('.vinfra-bar #vinfra-fit').click();

            // 100 s: the batch VMs crunch on an overcommitted host; the cache container is in a crash loop
            const t100 = await pickTime(page, 100);
            assert.match(await page.locator('.sim-time').textContent(), /^1 min 4\d s of 8 min$/);
            const batch = await load(page, 'vm:batch');
            assert.equal(batch.memory, 0.85, '256 MiB of guest OS + a 4 GiB working set in 5 GiB');
            assert.ok(batch.cpu > 0.2 && batch.cpu < 0.8, `contended CPU: ${batch.cpu}`);
            assert.ok((await load(page, 'host:node1')).cpu > 0.99, 'node1 is fully busy');
            const batchFrame = await node(page, 'vm:batch').locator(':scope > .sim-frame').evaluate(e => getComputedStyle(e).stroke);
            const [r, g, b] = batchFrame.match(/\d+/g).map(Number);
            assert.ok(r > 190 && g < 110 && b < 80, `the frame shows the higher load (memory 85%) in red: ${batchFrame}`);
            const memoryBar = await node(page, 'vm:batch').locator('.sim-memory .sim-fill').evaluate(e => getComputedStyle(e).fill);
            assert.equal(memoryBar, batchFrame);
            assert.ok((await classesOf(page, 'container:cache')).includes('sim-down'), 'killed, not restarted: a crash loop');
            assert.deepEqual(await badgesOf(page, 'container:cache'), ['OOM-killed \u00d76', 'crash loop']);
            assert.ok((await classesOf(page, 'container:cache')).includes('sim-oom-kill'));
            assert.deepEqual(await badgesOf(page, 'container:web'), ['unreachable']);
            assert.deepEqual(await badgesOf(page, 'host:node2'), [], 'node2 fails at 300 s, not yet');
            assert.ok(!(await classesOf(page, 'host:node2')).includes('sim-down'));
            // the problems still to come are greyed out in the list
            assert.equal(await page.locator('.sim-item.sim-future').count(), 5, `after ${t100} s: the host failure, 2 deadlines and 2 contentions are to come`);
            await page.screenshot({ path: join(screenshots, 'diagram-simulation-1-crash-loop.png') });

            // hovering a badge explains it: what happened, why, how to fix it, as the simulator says it
            await node(page, 'container:cache').locator('.sim-badge').first().hover();
            const tooltip = page.locator('.sim-tooltip');
            await tooltip.waitFor({ state: 'visible' });
            assert.match(await tooltip.textContent(), /^OOM-killed \(sim\.oom-kill\) at 30\.9 s, 32\.4 s, .*Raise the limit or reduce the working set\.$/s);
            await page.screenshot({ path: join(screenshots, 'diagram-simulation-2-tooltip.png') });
            await page.mouse.move(5, 300);

            // 400 s: node2 has failed, the batch jobs missed their deadline
            await pickTime(page, 400);
            assert.ok((await classesOf(page, 'host:node2')).includes('sim-down'));
            assert.ok((await classesOf(page, 'host:node2')).includes('sim-host-failed'));
            assert.deepEqual(await badgesOf(page, 'host:node2'), ['failed']);
            assert.ok((await classesOf(page, 'vm:backup')).includes('sim-down'), 'its VM went down with it');
            assert.deepEqual(await badgesOf(page, 'vm:batch'), ['deadline missed \u00d72']);
            assert.equal((await load(page, 'host:node2')).cpu, 0);
            await page.screenshot({ path: join(screenshots, 'diagram-simulation-3-host-failed.png') });

            // 10 s: nothing has started; no problem yet
            await pickTime(page, 10);
            assert.ok((await classesOf(page, 'vm:app')).includes('sim-off'));
            assert.equal(await page.locator('#vinfra-diagram .sim-badge').count(), 0);

            // a problem in the list: its time is picked and its element selected
            await page.locator('.sim-problems summary').click();
            await page.locator('.sim-item[data-code="sim.host-failed"]').click();
            await waitFor(async () => (await simulatedTime(page)) >= 300, 'the time of the host failure');
            assert.ok((await simulatedTime(page)) < 303);
            await waitFor(async () => (await classesOf(page, 'host:node2')).includes('selected'), 'node2 selected');
            await page.screenshot({ path: join(screenshots, 'diagram-simulation-4-problem-list.png') });

            // play runs through the time
            await page.locator('.sim-play').click();
            const from = await simulatedTime(page);
            await waitFor(async () => (await simulatedTime(page)) > from + 10, 'the time to move on while playing');
            await page.locator('.sim-play').click();

            // the text changes: simulated again (the cache fits its new limit: no OOM kill)
            writeFileSync(file, readFileSync(file, 'utf8').replace('memory 512 MiB', 'memory 1 GiB'));
            await waitFor(async () => (await page.locator('.sim-item[data-code="sim.oom-kill"]').count()) === 0, 'the run of the new text', 30000);
            await page.waitForSelector('body[data-vinfra-simulation="shown"]');
            await pickTime(page, 100);
            assert.deepEqual(await badgesOf(page, 'container:cache'), []);
            assert.equal((await load(page, 'container:cache')).memory, 0.75, '768 MiB in a 1 GiB limit');

            // an error: not simulated; the last run stays, marked stale, with the error
            writeFileSync(file, readFileSync(file, 'utf8').replace('vcpus 4', 'vcpus 64'));
            await page.waitForSelector('body[data-vinfra-simulation="stale"]', { timeout: 30000 });
            assert.match(await page.locator('.sim-status').textContent(),
                /^Out of date: the model has 2 errors, so it is not simulated again \(first: .*overload-lab\.vinfra:\d+:\d+: error vinfra\..*\); fix them to simulate again \(showing the last run: 8 min simulated/);
            assert.ok(await page.locator('body.vinfra-simulation-stale').count());
            await page.screenshot({ path: join(screenshots, 'diagram-simulation-5-stale.png') });
            assert.deepEqual(errors, []);
        } finally {
            const code = await stop(server);
            assert.ok(code === 130 || code === 0, `./vinfra diagram --simulate did not stop cleanly: ${code}; ${server.stderr()}`);
        }
    });
});
