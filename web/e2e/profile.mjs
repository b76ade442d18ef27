// Profiles the viewer's first view in headless Chromium (the e2e browser flags, a fresh profile):
//   node e2e/profile.mjs --server http://localhost:8080 [--runs 3] [--cpu] [--ready] [--out DIR]
// Per run: navigation → first frame with tiles of every pipe network (window.__city.firstFrameMs),
// with --ready on until every tile of the view is loaded (readyMs; the waterfall then covers it),
// the viewer's own marks (window.__city.timings), the waterfall: every request (path, kind, start,
// server wait, end, bytes; ms since navigation) and its summary by kind (count, bytes, first start,
// last end, summed server wait), the frames drawn until the first view ([start, duration] ms), and
// with --cpu the main thread's CPU profile (self time by function and by script).
// Writes DIR/first-view.json (default DIR web/e2e/artifacts) and prints a summary.
import { chromium } from 'playwright-core';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const SERVER = (args.server || process.env.CITY_SERVER_URL || 'http://localhost:8080').replace(/\/$/, '');
const CHROMIUM = args.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const RUNS = Number(args.runs || 1);
const OUT = args.out || join(here, 'artifacts');
const CPU = args.cpu === 'true';
const BROWSER_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist', '--disable-dev-shm-usage',
];

/** The kind of a request, for grouping the waterfall. */
function kindOf(u) {
  const p = new URL(u).pathname;
  if (p.endsWith('/main.js')) return 'main.js';
  if (p.includes('/cesium/Workers/')) return 'cesium worker';
  if (p.includes('/cesium/ThirdParty/')) return 'cesium wasm/thirdparty';
  if (p.includes('/cesium/Assets/')) return 'cesium assets';
  if (p.endsWith('.css')) return 'css';
  if (p.includes('/3dtiles/')) {
    if (p.endsWith('tileset.json')) return 'tileset.json';
    if (p.endsWith('.subtree')) return 'subtree';
    if (p.endsWith('.glb')) return 'glb:' + p.split('/')[2];
    return '3dtiles other';
  }
  if (p.includes('/wmts/')) return 'wmts';
  if (p.includes('/wms')) return 'wms';
  if (p.includes('/terrain/')) return 'terrain';
  if (p.includes('/api/')) return 'api';
  return p === '/' ? 'index.html' : 'other';
}

async function oneRun(run) {
  const dir = join(OUT, `run-profile-${run}`);
  rmSync(dir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 }, args: BROWSER_ARGS,
  });
  const page = context.pages()[0] || await context.newPage();
  // The default buffer keeps 250 resource timings: the first view makes more requests than that.
  await page.addInitScript(() => performance.setResourceTimingBufferSize(100000));
  const cdp = await context.newCDPSession(page);
  if (CPU) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 500 }); await cdp.send('Profiler.start'); }
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const load = loadavg()[0];
  await page.goto(SERVER + (args.path || '/'), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__city && window.__city.firstFrameMs !== null, null, { timeout: 240000, polling: 100 });
  // --ready: go on until every shown tileset has loaded what the view needs (window.__city.readyMs).
  if (args.ready === 'true') await page.waitForFunction(() => window.__city.readyMs !== null, null, { timeout: 240000, polling: 100 });
  let cpu = null;
  if (CPU) cpu = (await cdp.send('Profiler.stop')).profile;
  const state = await page.evaluate(() => {
    const c = window.__city;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => ({
      url: r.name, start: Math.round(r.startTime), request: Math.round(r.requestStart), response: Math.round(r.responseStart),
      end: Math.round(r.responseEnd), wait: Math.round(r.responseStart - r.requestStart), bytes: r.encodedBodySize,
      decoded: r.decodedBodySize,
    }));
    const ts = {};
    for (const [id, e] of c.tilesetManager.entries) {
      const s = e.tileset ? e.tileset.statistics : null;
      ts[id] = s ? { ready: s.numberOfTilesWithContentReady, visited: s.visited, pending: s.numberOfPendingRequests, processing: s.numberOfTilesProcessing, features: s.featuresLength } : null;
    }
    return {
      firstFrameMs: c.firstFrameMs, readyMs: c.readyMs, firstViewTiles: c.firstView.tiles, timings: c.timings, frames: c.frames || null,
      nav: nav ? { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) } : null,
      resources: res, tilesets: ts,
    };
  });
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  const groups = {};
  for (const r of state.resources) {
    const k = r.kind = kindOf(r.url);
    r.url = r.url.replace(SERVER, '');
    const g = groups[k] || (groups[k] = { n: 0, bytes: 0, decoded: 0, first: Infinity, last: 0, waitSum: 0, waitMax: 0 });
    g.n++; g.bytes += r.bytes; g.decoded += r.decoded; g.first = Math.min(g.first, r.start); g.last = Math.max(g.last, r.end);
    g.waitSum += r.wait; g.waitMax = Math.max(g.waitMax, r.wait);
  }
  return { run, load1: load, ...state, groups, cpu: cpu ? summariseCpu(cpu) : null, errors };
}

/** Self time (ms) by function and by script of a CDP CPU profile, biggest first. */
function summariseCpu(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) || 0) + (dt[i] || 0) / 1000);
  const fn = new Map();
  const script = new Map();
  for (const [id, ms] of self) {
    const n = byId.get(id).callFrame;
    const f = `${n.functionName || '(anon)'} ${n.url.split('/').pop()}:${n.lineNumber}`;
    fn.set(f, (fn.get(f) || 0) + ms);
    const s = n.url ? n.url.split('/').slice(3).join('/').split('?')[0] : n.functionName;
    script.set(s, (script.get(s) || 0) + ms);
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => [name, Math.round(ms)]);
  return { totalMs: Math.round((profile.endTime - profile.startTime) / 1000), byScript: top(script, 12), byFunction: top(fn, 25) };
}

mkdirSync(OUT, { recursive: true });
const runs = [];
for (let i = 1; i <= RUNS; i++) {
  const r = await oneRun(i);
  runs.push(r);
  console.log(`run ${i}: first view ${r.firstFrameMs} ms, ready ${r.readyMs} ms (load ${r.load1.toFixed(2)}) marks ${JSON.stringify(r.timings)} nav ${JSON.stringify(r.nav)}`);
  for (const [k, g] of Object.entries(r.groups).sort((a, b) => a[1].first - b[1].first)) {
    console.log(`  ${k.padEnd(24)} n=${String(g.n).padStart(4)} ${(g.bytes / 1024).toFixed(0).padStart(6)} KiB (${(g.decoded / 1024).toFixed(0)} KiB) ${g.first}–${g.last} ms  wait Σ${g.waitSum} max ${g.waitMax} ms`);
  }
  console.log('  tiles drawn per network in the first view', JSON.stringify(r.firstViewTiles));
  console.log('  tilesets', JSON.stringify(r.tilesets));
  if (r.frames) console.log('  frames', JSON.stringify(r.frames));
  const late = r.resources.filter((q) => q.start <= r.firstFrameMs).sort((a, b) => b.wait - a.wait).slice(0, 5);
  console.log('  longest server waits before the first view', late.map((q) => `${q.url} ${q.start}+${q.wait}→${q.end}`).join(' | '));
  if (r.cpu) {
    console.log(`  cpu ${r.cpu.totalMs} ms; by script ${JSON.stringify(r.cpu.byScript)}`);
    for (const [f, ms] of r.cpu.byFunction) console.log(`    ${String(ms).padStart(6)} ms ${f}`);
  }
  if (r.errors.length) console.log('  console errors', r.errors.slice(0, 5));
}
writeFileSync(join(OUT, 'first-view.json'), JSON.stringify({
  server: SERVER, date: new Date().toISOString(), runs,
}, null, 1));
const ms = runs.map((r) => r.firstFrameMs);
console.log(`first view ms: ${ms.join(' ')} (median ${ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]})`);
