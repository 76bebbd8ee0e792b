// Bundles the report's charts (src/report.js with the parts of Apache ECharts it uses) into OUT/report.js,
// and copies src/report.css: HtmlReport.java inlines both into each report, so a report is one file that
// works offline. Usage: node build.mjs [OUT]   (default: dist)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
const version = name => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
// the notices the libraries' licences ask to keep with the bundled code
const notice = `/*! vinfra simulation report charts. Includes Apache ECharts ${version('echarts')} (Apache License 2.0,
 * https://www.apache.org/licenses/LICENSE-2.0): ${readFileSync('node_modules/echarts/NOTICE', 'utf8').replace(/\s+/g, ' ').trim()}
 * and ZRender ${version('zrender')} (BSD-3-Clause, Copyright (c) 2017, Baidu Inc.), tslib (0BSD, Microsoft). */`;
mkdirSync(out, { recursive: true });
const started = Date.now();
await esbuild.build({
    entryPoints: { report: 'src/report.js' },
    bundle: true,
    minify: true,
    sourcemap: false,
    target: ['es2020'],
    format: 'iife',
    platform: 'browser',
    outdir: out,
    logLevel: 'warning',
        legalComments: 'eof',
    banner: { js: notice }
});
copyFileSync('src/report.css', join(out, 'report.css'));
const script = readFileSync(join(out, 'report.js'), 'utf8');
if (/<\/script/i.test(script) || script.includes('<!--')) {
    throw new Error('the bundled report.js contains "</script" or "<!--": it cannot be inlined into a page');
}
console.log(`vinfra simulation report charts bundled into ${out} (${Math.round(statSync(join(out, 'report.js')).size / 1024)} KiB) in ${Date.now() - started} ms`);
