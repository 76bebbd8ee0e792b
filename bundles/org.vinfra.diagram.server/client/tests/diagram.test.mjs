// Browser tests of the live diagram editor: the real `./vinfra diagram` command, driven in headless
// Chromium (Debian's /usr/bin/chromium) with playwright-core, as a user would: render the course labs
// (screenshots under SCREENSHOTS/diagram-*.png), create a VM from the palette, drag a VM to another
// host, connect a VM to a network, delete, undo, edit the file on disk, and the access token.
//
//   node --test tests/        (from bundles/org.vinfra.diagram.server/client, after the CLI is built)
//
// Environment: VINFRA_ROOT (the repository, default: three folders up), VINFRA_SCREENSHOTS (default:
// ../target/screenshots), VINFRA_CHROMIUM (default /usr/bin/chromium), VINFRA_REAL_TOOLS=required
// (fail instead of skipping when Chromium is missing).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync, cpSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.env.VINFRA_ROOT ?? join(here, '..', '..', '..', '..'));
const screenshots = resolve(process.env.VINFRA_SCREENSHOTS ?? join(here, '..', '..', 'target', 'screenshots'));
const benchmarks = resolve(join(screenshots, '..', 'benchmarks'));
const chromiumPath = process.env.VINFRA_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.VINFRA_REAL_TOOLS === 'required';
// the command to test: the repository's ./vinfra (VINFRA_COMMAND overrides it, for development)
const vinfra = process.env.VINFRA_COMMAND ?? join(root, 'vinfra');

let skip = false;
if (!existsSync(chromiumPath)) {
    const message = `Chromium is missing (${chromiumPath}): the browser tests of the diagram editor are skipped (Debian: apt-get install chromium; .ci/run installs it)`;
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
    const message = `playwright-core is not installed (npm ci in bundles/org.vinfra.diagram.server/client installs it): ${error.message}`;
    if (required) {
        throw new Error(message);
    }
    console.log('SKIPPED: ' + message);
    skip ||= message;
}

const TEST_MODEL = `// The browser test's lab: two hosts, two networks, one VM.
// Comments sit next to every element.

// first host
host h1 { // the left one
\tcpu {
\t\tcores 4
\t\tthreads 2
\t\tfeatures vt-x
\t}
\tmemory 32 GiB
\thypervisor kvm
}

/* second host */
host h2 {
\tcpu {
\t\tcores 4
\t\tthreads 2
\t\tfeatures vt-x
\t}
\tmemory 32 GiB
\thypervisor kvm
}

// the lab network
network lan {
\tcidr 10.0.0.0/24 // private
}

# the backup network
network backup {
\tcidr 10.0.1.0/24
}

// a web server
vm web on h1 {
\tvcpus 2 // two of them
\tmemory 2 GiB
}
`;

const started = new Set();
process.on('exit', () => started.forEach(child => child.exitCode === null && child.kill('SIGKILL')));

/** Starts `./vinfra diagram FILES` in `cwd`; resolves with { url, port, process, stderr() }. */
function startDiagram(cwd, files) {
    return new Promise((resolvePromise, reject) => {
        const child = spawn(vinfra, ['diagram', ...files], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        started.add(child);
        let out = '';
        let err = '';
        const timer = setTimeout(() => reject(new Error('./vinfra diagram printed no URL in 60 s; stderr: ' + err)), 60000);
        child.stdout.on('data', chunk => {
            out += chunk;
            const line = out.split('\n')[0];
            if (out.includes('\n')) {
                clearTimeout(timer);
                const url = new URL(line.trim());
                resolvePromise({ url: url.toString(), port: Number(url.port), token: url.searchParams.get('token'), process: child, stdout: () => out, stderr: () => err });
            }
        });
        child.stderr.on('data', chunk => (err += chunk));
        child.on('exit', code => {
            clearTimeout(timer);
            reject(new Error(`./vinfra diagram exited with ${code}: ${err}`));
        });
    });
}

/**
 * Stops the server as Ctrl+C does; resolves with 0 when it stopped cleanly: its shutdown hook ran
 * ("vinfra diagram: stopped") and it exited as a program stopped by SIGINT does (130) or with 0.
 */
function stop(server) {
    return new Promise(resolvePromise => {
        const done = code => resolvePromise((code === 130 || code === 0) && server.stderr().includes('vinfra diagram: stopped') ? 0 : `exit ${code}, stderr: ${server.stderr()}`);
        if (server.process.exitCode !== null) {
            done(server.process.exitCode);
            return;
        }
        server.process.removeAllListeners('exit');
        server.process.on('exit', code => setTimeout(() => done(code), 50));
        server.process.kill('SIGINT');
        setTimeout(() => server.process.kill('SIGKILL'), 15000);
    });
}

function get(url, headers = {}) {
    return new Promise((resolvePromise, reject) => {
        http.get(url, { headers }, response => {
            let body = '';
            response.on('data', chunk => (body += chunk));
            response.on('end', () => resolvePromise({ status: response.statusCode, body }));
        }).on('error', reject);
    });
}

/** A websocket upgrade request; resolves with the HTTP status (101 when upgraded). */
function upgrade(port, path) {
    return new Promise((resolvePromise, reject) => {
        const request = http.request({
            host: '127.0.0.1',
            port,
            path,
            headers: {
                Connection: 'Upgrade',
                Upgrade: 'websocket',
                'Sec-WebSocket-Version': '13',
                'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ=='
            }
        });
        request.on('upgrade', (response, socket) => {
            socket.destroy();
            resolvePromise(response.statusCode);
        });
        request.on('response', response => {
            response.resume();
            resolvePromise(response.statusCode);
        });
        request.on('error', reject);
        request.end();
    });
}

async function waitFor(check, what, timeout = 10000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
        last = check();
        if (last) {
            return last;
        }
        await new Promise(r => setTimeout(r, 50));
    }
    throw new Error('timed out waiting for ' + what);
}

// the drawn element (sprotty also keeps a hidden copy for measuring)
const node = (page, id) => page.locator(`#vinfra-diagram [id="vinfra-diagram_${id}"]`);

async function centre(page, id) {
    const box = await node(page, id).boundingBox();
    assert.ok(box, 'no box for ' + id);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Opens the page in a new context of the browser (nothing cached), or in the given one. */
async function openDiagram(browser, url, context) {
    const page = context ? await context.newPage() : await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('.vinfra-node', { timeout: 20000 });
    const rendered = Date.now() - started;
    await page.waitForTimeout(200);
    return { page, errors, rendered };
}

async function paletteTool(page, label) {
    await page.locator('.tool-palette .tool-button', { hasText: new RegExp('^' + label + '$') }).click();
}

describe('vinfra diagram in a browser', { skip }, () => {
    let browser;
    let folder;
    before(async () => {
        mkdirSync(screenshots, { recursive: true });
        mkdirSync(benchmarks, { recursive: true });
        folder = mkdtempSync(join(tmpdir(), 'vinfra-diagram-test-'));
        browser = await chromium.launch({
            executablePath: chromiumPath,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        });
    });
    after(async () => {
        await browser?.close();
    });

    test('the course labs render (screenshots and render times)', async () => {
        const labs = [
            'kvm-sriov-server.vinfra',
            'virtualbox-laptop-lab.vinfra',
            'shop-compose.vinfra',
            'wordpress-compose.vinfra',
            'lxc-alpine.vinfra',
            'busybox-web.vinfra',
            'apache2-image.vinfra',
            'simulation-lab.vinfra',
            'multi-file/vms.vinfra'
        ];
        const labs_folder = join(folder, 'labs');
        cpSync(join(root, 'examples'), labs_folder, { recursive: true });
        const lines = [];
        for (const lab of labs) {
            const server = await startDiagram(labs_folder, [lab]);
            try {
                // the first page: a new browser and a server just started; the second: opened again in
                // the same browser (its bundle cached), as a user reopens it
                const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
                const first = await openDiagram(browser, server.url, context);
                await first.page.close();
                const { page, errors, rendered } = await openDiagram(browser, server.url, context);
                const nodes = await page.locator('.vinfra-node').count();
                const name = lab.replace('/', '-').replace('.vinfra', '');
                await page.screenshot({ path: join(screenshots, `diagram-${name}.png`) });
                assert.deepEqual(errors, [], `${lab}: errors in the page`);
                if (!/apache2-image|busybox-web/.test(lab)) {
                    assert.ok(nodes > 0, `${lab}: no node drawn`);
                }
                lines.push(`${lab}: ${nodes} nodes, first page ${first.rendered} ms, opened again ${rendered} ms`);
                await page.close();
                await context.close();
            } finally {
                assert.equal(await stop(server), 0, `${lab}: ./vinfra diagram did not stop cleanly on Ctrl+C`);
            }
        }
        writeFileSync(join(benchmarks, 'diagram-browser.txt'), lines.join('\n') + '\n');
        console.log(lines.join('\n'));
    });

    test('operations from the browser are written to the file, and undo takes them back', async () => {
        const dir = join(folder, 'ops');
        mkdirSync(dir, { recursive: true });
        const file = join(dir, 'lab.vinfra');
        writeFileSync(file, TEST_MODEL);
        const read = () => readFileSync(file, 'utf8');
        const server = await startDiagram(dir, ['lab.vinfra']);
        try {
            const { page, errors } = await openDiagram(browser, server.url);
            const timings = [];

            // 1. create a VM from the palette, dropped into host h1
            const h1 = await centre(page, 'host:h1');
            let started = Date.now();
            await paletteTool(page, 'VM');
            await page.mouse.click(h1.box.x + h1.box.width - 30, h1.box.y + h1.box.height - 15);
            await waitFor(() => read().includes('vm vm1 on h1 {'), 'the new VM in the file');
            timings.push(`create VM: ${Date.now() - started} ms from the click to the file written`);
            assert.equal(read(), TEST_MODEL + '\nvm vm1 on h1 {\n\tvcpus 1\n\tmemory 1 GiB\n}\n');
            await node(page, 'vm:vm1').waitFor();
            await page.screenshot({ path: join(screenshots, 'diagram-op-1-created-vm.png') });

            // 2. connect web to the lan network with the vNIC tool
            started = Date.now();
            await paletteTool(page, 'vNIC');
            const web = await centre(page, 'vm:web');
            await page.mouse.click(web.x, web.y);
            const lan = await centre(page, 'network:lan');
            await page.mouse.click(lan.x, lan.y);
            await waitFor(() => read().includes('\tnic eth0 on lan\n'), 'the vNIC in the file');
            timings.push(`connect VM to network: ${Date.now() - started} ms`);
            assert.ok(read().includes('\tmemory 2 GiB\n\tnic eth0 on lan\n}'), read());
            await node(page, 'vm:web/nic:eth0->network:lan').waitFor();
            await page.screenshot({ path: join(screenshots, 'diagram-op-2-connected.png') });

            // 2b. drag the vNIC edge's end from lan to backup: the vNIC is attached there
            await page.keyboard.press('Escape');
            // a point on the edge's line (its box's centre may be off an L-shaped route)
            const onEdge = await page.evaluate(() => {
                const path = document.querySelector('#vinfra-diagram [id="vinfra-diagram_vm:web/nic:eth0->network:lan"] path');
                const point = path.getPointAtLength(path.getTotalLength() / 2);
                const screen = new DOMPoint(point.x, point.y).matrixTransform(path.getScreenCTM());
                return { x: screen.x, y: screen.y };
            });
            await page.mouse.click(onEdge.x, onEdge.y);
            const lanBox = (await centre(page, 'network:lan')).box;
            await page.locator('#vinfra-diagram .sprotty-routing-handle').nth(1).waitFor();
            const handles = await Promise.all((await page.locator('#vinfra-diagram .sprotty-routing-handle').all()).map(h => h.boundingBox()));
            assert.equal(handles.length, 2, `a selected vNIC edge shows its two reconnect handles, not ${handles.length}`);
            handles.sort((a, b) => Math.hypot(a.x - lanBox.x, a.y - lanBox.y) - Math.hypot(b.x - lanBox.x, b.y - lanBox.y));
            const backupAt = await centre(page, 'network:backup');
            started = Date.now();
            await page.mouse.move(handles[0].x + handles[0].width / 2, handles[0].y + handles[0].height / 2);
            await page.mouse.down();
            await page.mouse.move(handles[0].x + 30, handles[0].y + 30, { steps: 4 });
            await page.mouse.move(backupAt.x, backupAt.y, { steps: 12 });
            await page.mouse.up();
            await waitFor(() => read().includes('\tnic eth0 on backup\n'), 'the vNIC moved to backup');
            timings.push(`reconnect vNIC: ${Date.now() - started} ms`);
            await node(page, 'vm:web/nic:eth0->network:backup').waitFor();
            await page.locator('#vinfra-undo').click();
            await waitFor(() => read().includes('\tnic eth0 on lan\n'), 'undo of the reconnect');
            await node(page, 'vm:web/nic:eth0->network:lan').waitFor();

            // 3. drag web into host h2: its placement changes (re-parenting without a change-container tool)
            await page.keyboard.press('Escape');
            const from = await centre(page, 'vm:web');
            const h2 = await centre(page, 'host:h2');
            started = Date.now();
            await page.mouse.move(from.box.x + 12, from.box.y + 8);
            await page.mouse.down();
            await page.mouse.move(from.box.x + 40, from.box.y + 30, { steps: 5 });
            await page.mouse.move(h2.x - from.box.width / 2 + 12, h2.y - from.box.height / 2 + 8, { steps: 15 });
            await page.mouse.up();
            await waitFor(() => read().includes('vm web on h2 {'), 'web placed on h2');
            timings.push(`drag VM to another host: ${Date.now() - started} ms`);
            await page.waitForFunction(() => document.querySelector('[id="vinfra-diagram_host:h2"] [id="vinfra-diagram_vm:web"]') !== null);
            await page.screenshot({ path: join(screenshots, 'diagram-op-3-moved.png') });

            // 4. delete the lan network: the vNIC goes with it, and the page says so
            const lanNow = await centre(page, 'network:lan');
            await page.mouse.click(lanNow.box.x + 8, lanNow.box.y + 8);
            started = Date.now();
            await page.keyboard.press('Delete');
            await waitFor(() => !read().includes('network lan'), 'lan deleted');
            timings.push(`delete network: ${Date.now() - started} ms`);
            assert.ok(!read().includes('nic eth0 on lan'), 'the vNIC on lan is removed too');
            assert.ok(read().includes('# the backup network\nnetwork backup {'), 'the other comments stay');
            await page.locator('.vinfra-message', { hasText: 'eth0' }).first().waitFor({ timeout: 5000 });
            await page.screenshot({ path: join(screenshots, 'diagram-op-4-deleted.png') });

            // 5. undo, four times: the text is back, byte for byte
            for (const expected of ['network lan', 'vm web on h1', 'vm vm1 on h1']) {
                await page.locator('#vinfra-undo').click();
                await waitFor(() => read().includes(expected) || (expected === 'vm vm1 on h1' && read() === TEST_MODEL), 'undo');
            }
            await page.locator('#vinfra-undo').click();
            await waitFor(() => read() === TEST_MODEL, 'the original text after four undos');
            await page.waitForFunction(() => document.querySelector('[id="vinfra-diagram_vm:vm1"]') === null);

            // 6. an edit in a text editor redraws the diagram
            appendFileSync(file, '\n// added in a text editor\nnetwork dmz {\n}\n');
            await node(page, 'network:dmz').waitFor({ timeout: 10000 });

            // 7. an invalid operation is refused with the reason, the file untouched
            const before = read();
            await paletteTool(page, 'VM');
            await page.mouse.click(1300, 850);
            await page.locator('.vinfra-message-warning', { hasText: 'Drop the VM onto a host' }).waitFor({ timeout: 5000 });
            assert.equal(read(), before);
            await page.screenshot({ path: join(screenshots, 'diagram-op-5-refused.png') });

            // 8. direct label editing: a taken name is refused while typing, with the reason, and
            //    nothing is written; a free one renames the VM
            await page.keyboard.press('Escape');
            const name = node(page, 'vm:web').locator('text').first();
            const at = await name.boundingBox();
            await page.mouse.dblclick(at.x + 5, at.y + at.height / 2);
            await page.locator('.label-edit input, .label-edit textarea').first().waitFor();
            await page.keyboard.press('Control+A');
            await page.keyboard.type('h2');
            await page.locator('.label-edit.validation-error[data-balloon*="taken"]').waitFor({ timeout: 5000 });
            await page.screenshot({ path: join(screenshots, 'diagram-op-6-name-taken.png') });
            await page.keyboard.press('Escape');
            assert.equal(read(), before);
            await page.mouse.dblclick(at.x + 5, at.y + at.height / 2);
            await page.locator('.label-edit input, .label-edit textarea').first().waitFor();
            await page.keyboard.press('Control+A');
            await page.keyboard.type('frontend');
            await page.waitForTimeout(400);
            started = Date.now();
            await page.keyboard.press('Enter');
            await waitFor(() => read().includes('vm frontend on h1 {'), 'the VM renamed');
            timings.push(`rename (label edit): ${Date.now() - started} ms`);
            assert.equal(read(), before.replace('vm web on h1 {', 'vm frontend on h1 {'));

            assert.deepEqual(errors, []);
            writeFileSync(join(benchmarks, 'diagram-operations-browser.txt'), timings.join('\n') + '\n');
            console.log(timings.join('\n'));
            await page.close();
        } finally {
            assert.equal(await stop(server), 0);
        }
    });

    test('every request needs the token: the page, the assets and the websocket', async () => {
        const dir = join(folder, 'token');
        mkdirSync(dir, { recursive: true });
        copyFileSync(join(root, 'examples', 'virtualbox-laptop-lab.vinfra'), join(dir, 'lab.vinfra'));
        const server = await startDiagram(dir, ['lab.vinfra']);
        try {
            const base = `http://127.0.0.1:${server.port}`;
            assert.equal((await get(`${base}/`)).status, 403);
            assert.equal((await get(`${base}/bundle.js`)).status, 403);
            assert.equal((await get(`${base}/?token=wrong`)).status, 403);
            assert.equal((await get(`${base}/bundle.js?token=${server.token.slice(0, -1)}`)).status, 403);
            assert.equal(await upgrade(server.port, '/glsp'), 403);
            assert.equal(await upgrade(server.port, '/glsp?token=nope'), 403);
            const page = await get(server.url);
            assert.equal(page.status, 200);
            assert.ok(page.body.includes(`bundle.js?token=${server.token}`));
            assert.equal((await get(`${base}/bundle.js?token=${server.token}`)).status, 200);
            assert.equal(await upgrade(server.port, `/glsp?token=${server.token}`), 101);
            // another origin (a web page the user visits) cannot use the server even with a token it guessed
            assert.equal((await get(server.url, { Origin: 'http://evil.example' })).status, 403);
            assert.equal(server.url.startsWith('http://127.0.0.1:'), true);
            assert.equal(server.stdout().trim().split('\n').length, 1, 'one line on stdout: the URL');
        } finally {
            assert.equal(await stop(server), 0);
        }
    });

    test('bad input: a positioned message, no stack trace; a model with errors still opens', async () => {
        const dir = join(folder, 'bad');
        mkdirSync(dir, { recursive: true });
        const missing = spawn(vinfra, ['diagram', 'missing.vinfra'], { cwd: dir });
        let err = '';
        missing.stderr.on('data', chunk => (err += chunk));
        const code = await new Promise(r => missing.on('exit', r));
        assert.equal(code, 2);
        assert.match(err, /missing\.vinfra: no such file/);
        assert.doesNotMatch(err, /\tat |Exception/);

        writeFileSync(join(dir, 'broken.vinfra'), 'host h {\n\tmemory 4 GiB\n}\nvm v on nowhere {\n}\n');
        const server = await startDiagram(dir, ['broken.vinfra']);
        try {
            await waitFor(() => server.stderr().includes('vinfra diagram: serving'), 'the summary on stderr');
            assert.match(server.stderr(), /broken\.vinfra:4:\d+: error vinfra\.unresolved-reference/);
            assert.match(server.stderr(), /1 error, 0 warnings, shown as markers/);
            const { page } = await openDiagram(browser, server.url);
            await page.waitForSelector('.sprotty-issue, .sprotty-decorator, [class*=issue]', { timeout: 10000 }).catch(() => {});
            await page.screenshot({ path: join(screenshots, 'diagram-errors.png') });
            await page.close();
        } finally {
            assert.equal(await stop(server), 0);
        }
    });
});
