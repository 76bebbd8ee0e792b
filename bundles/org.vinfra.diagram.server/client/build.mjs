// Bundles the web client with esbuild: src/index.ts -> OUT/bundle.js + bundle.css (fonts inlined, so
// every request the page makes carries the access token), and copies index.html and favicon.svg.
// Usage: node build.mjs [OUT]   (default: dist)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
mkdirSync(out, { recursive: true });
const started = Date.now();
await esbuild.build({
    entryPoints: { bundle: 'src/index.ts' },
    bundle: true,
    minify: true,
    sourcemap: false,
    target: ['es2020'],
    format: 'iife',
    platform: 'browser',
    outdir: out,
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
    tsconfig: 'tsconfig.json',
    // vscode-jsonrpc's browser entry needs neither of these
    alias: { path: './src/empty.ts' },
    logLevel: 'warning',
    legalComments: 'none'
});
copyFileSync('index.html', join(out, 'index.html'));
copyFileSync('favicon.svg', join(out, 'favicon.svg'));
console.log(`vinfra diagram client bundled into ${out} in ${Date.now() - started} ms`);
