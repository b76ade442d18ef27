// Builds the viewer into web/dist: esbuild bundles src/main.js (with CesiumJS from npm, no CDN),
// then Cesium's static assets (Assets, Workers, ThirdParty, Widgets) are copied to dist/cesium/ and
// the PBR lookup table is computed into dist/brdf-lut.bin (scripts/brdf-lut.mjs, src/brdf.js).
// `node build.mjs` builds once; `node build.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { cp, mkdir, rm, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brdfLut } from './scripts/brdf-lut.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const cesiumBuild = join(here, 'node_modules', 'cesium', 'Build', 'Cesium');
const watch = process.argv.includes('--watch');

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'cesium'), { recursive: true });
for (const dir of ['Assets', 'Workers', 'ThirdParty', 'Widgets']) {
  await cp(join(cesiumBuild, dir), join(dist, 'cesium', dir), { recursive: true });
}
await writeFile(join(dist, 'brdf-lut.bin'), brdfLut());
const { version } = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));

/** index.html with %VERSION% = package version + a hash of the bundles (deterministic cache-buster). */
async function writeIndex() {
  const hash = createHash('sha256');
  for (const f of ['main.js', 'style.css']) hash.update(await readFile(join(dist, f)));
  const html = (await readFile(join(here, 'index.html'), 'utf8')).replaceAll('%VERSION%', version + '-' + hash.digest('hex').slice(0, 10));
  await writeFile(join(dist, 'index.html'), html);
}

const options = {
  entryPoints: [join(here, 'src', 'main.js'), join(here, 'src', 'style.css')],
  outdir: dist,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'linked',
  logLevel: 'warning',
  loader: { '.svg': 'text' },
};
if (watch) {
  const ctx = await esbuild.context({ ...options, plugins: [{ name: 'index', setup: (b) => b.onEnd(writeIndex) }] });
  await ctx.watch();
  console.log('watching web/src …');
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  await writeIndex();
  const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  console.log(`web/dist built (${(bytes / 1048576).toFixed(1)} MB of bundles + Cesium assets)`);
}
