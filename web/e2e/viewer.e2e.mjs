// End-to-end tests of the 3D viewer in headless Chromium (Debian /usr/bin/chromium, software
// WebGL) against a running server with the sample data:
//   npm run e2e --prefix web -- --server http://localhost:18080
// Options: --server URL (or CITY_SERVER_URL), --chromium PATH (or CHROMIUM), --artifacts DIR,
// --ready-ms N (first-view budget on an idle machine, default 5000), --only NAME[,NAME].
// The first view is measured from navigation to the first frame that draws tiles of every pipe
// network (window.__city.firstFrameMs); on a loaded machine the budget is scaled by the 1-minute
// load average per core, and both figures are logged and kept in report.json. Every other wait
// (timeouts, flights) is scaled by the same factor, read when the wait begins.
// Fails (never skips) when Chromium or the server is missing. Screenshots and a report.json are
// kept in web/e2e/artifacts/.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const SERVER = (args.server || process.env.CITY_SERVER_URL || 'http://localhost:18080').replace(/\/$/, '');
const CHROMIUM = args.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = args.artifacts || join(here, 'artifacts');
const READY_MS = Number(args['ready-ms'] || process.env.CITY_E2E_READY_MS || 5000);
const ONLY = args.only ? args.only.split(',') : null;
const VIEW = { width: 1280, height: 800 };

const results = [];
let failures = 0;
const started = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

function fail(message) { throw new Error(message); }
/** The machine's slowness: the 1-minute load average per core, at least 1. */
const loadFactor = () => Math.max(1, loadavg()[0] / availableParallelism());
/** A wait of `ms` on an idle machine, scaled by the load now. */
const scaled = (ms) => Math.round(ms * loadFactor());
function assert(cond, message) { if (!cond) fail(message); }

async function fetchJson(path) {
  const res = await fetch(SERVER + path, { headers: { Accept: 'application/json' } });
  if (!res.ok) fail(`${path}: HTTP ${res.status}`);
  return res.json();
}

// ---- preconditions: fail, do not skip ---------------------------------------------------------
if (!existsSync(CHROMIUM)) {
  console.error(`e2e: Chromium not found at ${CHROMIUM} (apt-get install chromium, or --chromium PATH)`);
  process.exit(2);
}
try {
  const h = await fetch(SERVER + '/actuator/health');
  if (!h.ok) throw new Error(`HTTP ${h.status}`);
} catch (e) {
  console.error(`e2e: no server at ${SERVER} (${e.message}); start it with the sample data (web/e2e/run.sh does)`);
  process.exit(2);
}
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });

// Known features from the server's own APIs (the sample data), used to aim clicks.
const layers = await fetchJson('/api/layers');
const count = Object.fromEntries(layers.map((l) => [l.name, l.count]));
assert((count.pipe_js || 0) > 0, 'the sample data has no water pipes (load it: city sample load --scale small)');

async function firstFeature(layer) {
  let fc;
  try {
    fc = await fetchJson(`/ogcapi/collections/${layer}/items?limit=50`);
  } catch {
    fc = await fetchJson(`/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=${layer}&count=50&outputFormat=application/json&srsName=urn:ogc:def:crs:OGC:1.3:CRS84`);
    for (const f of fc.features || []) f.id = String(f.id).replace(/^.*\./, '');
  }
  assert(fc.features && fc.features.length, `no ${layer} features from OGC API or WFS`);
  return fc.features;
}

/** A pipe whose middle is a good click target: the longest of the first 50. */
function longest(features) {
  const len = (f) => { const c = f.geometry.coordinates; const a = c[0]; const b = c[c.length - 1]; return Math.hypot(a[0] - b[0], a[1] - b[1]); };
  return features.filter((f) => f.geometry && f.geometry.type === 'LineString').sort((x, y) => len(y) - len(x))[0];
}
function midpoint(f) {
  const c = f.geometry.coordinates;
  const a = c[Math.floor((c.length - 1) / 2)];
  const b = c[Math.floor((c.length - 1) / 2) + 1] || a;
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
/** [w, s, e, n] of a GeoJSON geometry. */
function bboxOfGeometry(g) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => { if (typeof c[0] === 'number') { b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]); } else c.forEach(walk); };
  walk(g.coordinates);
  return b;
}
/** Centre height relative to the ground (m, negative below; the terrain height G is added on a DEM). */
function centreHeight(f) {
  const p = f.properties;
  const d = Number(p.start_depth_m ?? p.depth_m ?? 1.5);
  const size = Number(p.dn_mm || p.height_mm || 300) / 1000;
  return p.depth_ref === 'invert' ? -(d - size / 2) : -(d + size / 2);
}

// ---- browser ------------------------------------------------------------------------------------
const userDataDir = join(ARTIFACTS, 'profile');
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: VIEW,
  acceptDownloads: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist', '--disable-dev-shm-usage',
  ],
});
const page = context.pages()[0] || await context.newPage();
// Software WebGL on a shared 2-core machine: one frame can take seconds, so actions wait longer
// (scaled by the load again at the start of every test).
page.setDefaultTimeout(scaled(120000));
const consoleErrors = [];
page.on('console', (msg) => {
  if (msg.type() === 'error') consoleErrors.push(msg.text());
  if (process.env.CITY_E2E_VERBOSE) log('console', msg.type(), msg.text());
});
page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
const requested = [];
page.on('request', (req) => requested.push(req.url()));
page.on('response', (res) => { if (res.status() >= 400) consoleErrors.push(`HTTP ${res.status()} ${res.url()}`); });
page.on('requestfailed', (req) => {
  const f = req.failure();
  if (f && !/ERR_ABORTED/.test(f.errorText)) consoleErrors.push(`request failed ${req.url()} ${f.errorText}`);
});

async function shot(name) {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until every shown tileset has loaded what the view needs and a frame is drawn. */
async function idle(timeout = scaled(240000)) {
  await page.waitForFunction(() => window.__city && window.__city.tilesetManager && window.__city.tilesetManager.allLoaded(), null, { timeout, polling: 200 });
  await page.evaluate(() => window.__city.whenIdle());
  await page.evaluate(() => new Promise((r) => { const v = window.__city.viewer; v.scene.requestRender(); const done = () => { v.scene.postRender.removeEventListener(done); r(); }; v.scene.postRender.addEventListener(done); }));
}

/**
 * Pixels of the scene canvas in CJJ 61 pipe hues (saturated cyan, magenta, orange, red, green,
 * brown), and HIT: the red of the analysis highlight (#ff2a2a mixed into a pipe's colour) at any
 * brightness, e.g. the hit pipes lit from the side in an excavation pit (109, 38, 52), darker than
 * a power pipe's red.
 */
async function pipePixels() {
  return page.evaluate(() => {
    const src = window.__city.viewer.scene.canvas;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const counts = { JS: 0, RQ: 0, RL: 0, DL: 0, TX: 0, PS: 0, HIT: 0 };
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i]; const gg = d[i + 1]; const b = d[i + 2];
      const max = Math.max(r, gg, b); const min = Math.min(r, gg, b);
      if (max < 40) continue;
      const sat = (max - min) / max;
      if (sat < 0.55) continue;
      let h;
      if (max === r) h = ((gg - b) / (max - min)) * 60; else if (max === gg) h = (2 + (b - r) / (max - min)) * 60; else h = (4 + (r - gg) / (max - min)) * 60;
      if (h < 0) h += 360;
      if (h > 170 && h < 195) counts.JS++;
      else if (h > 285 && h < 315) counts.RQ++;
      else if (h > 22 && h < 40 && max > 120) counts.RL++;
      else if ((h < 8 || h > 352) && max > 120) counts.DL++;
      else if (h > 100 && h < 140) counts.TX++;
      else if (h > 20 && h < 40 && max <= 120) counts.PS++;
      else if (h > 335 || h < 12) counts.HIT++;
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return { total, ...counts };
  });
}

/** Window (CSS pixel) position of a lon/lat/height in the scene. */
async function screenOf(lon, lat, h) {
  return page.evaluate(([lo, la, hh]) => {
    const v = window.__city.viewer;
    const Cesium = window.__city.Cesium;
    const p = v.scene.cartesianToCanvasCoordinates(Cesium.Cartesian3.fromDegrees(lo, la, hh));
    if (!p) return null;
    const r = v.scene.canvas.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y, cx: p.x, cy: p.y };
  }, [lon, lat, h]);
}

async function jump(lon, lat, h, range) {
  await page.evaluate(([lo, la, hh, rr]) => window.__city.jumpTo(lo, la, hh, rr), [lon, lat, h, range]);
  await idle();
}

async function clickAt(lon, lat, h) {
  const p = await screenOf(lon, lat, h);
  assert(p, `(${lon}, ${lat}) is not on screen`);
  await page.mouse.click(p.x, p.y);
  return p;
}

async function test(name, fn) {
  if (ONLY && !ONLY.includes(name)) return;
  const t0 = Date.now();
  const errorsBefore = consoleErrors.length;
  page.setDefaultTimeout(scaled(120000));
  try {
    await fn();
    const newErrors = consoleErrors.slice(errorsBefore);
    if (newErrors.length) fail(`${newErrors.length} console errors: ${newErrors.slice(0, 3).join(' | ')}${newErrors.length > 3 ? ' …' : ''}`);
    results.push({ name, ok: true, ms: Date.now() - t0 });
    log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failures++;
    results.push({ name, ok: false, ms: Date.now() - t0, error: e.message });
    log(`FAIL ${name}: ${e.message}`);
    try { await shot(`FAIL-${name}`); } catch { /* ignore */ }
  }
}

async function resultOf(tool, timeout = scaled(60000)) {
  await page.waitForFunction((tl) => window.__city.analysis.last[tl], tool, { timeout, polling: 200 });
  const answer = await page.evaluate((tl) => window.__city.analysis.last[tl], tool);
  assert(!answer.error, `${tool}: ${answer.error}`);
  return answer;
}

async function openTool(tool) {
  await page.evaluate((tl) => { delete window.__city.analysis.last[tl]; }, tool);
  await page.click(`[data-analysis="${tool}"]`);
}

// ---- the tests ------------------------------------------------------------------------------------
const pipes = await firstFeature('pipe_js');
const pipe = longest(pipes);
const [plon, plat] = midpoint(pipe);
// Heights in the scene are absolute (h = H(1985) + ζ) when the city has a DEM: the terrain height at
// the known pipe (G, read from the terrain once the page has loaded) is added to every height there.
let G = 0;
let ph = centreHeight(pipe);
log(`known pipe: pipe_js #${pipe.id} at ${plon.toFixed(6)}, ${plat.toFixed(6)}, centre ${ph.toFixed(2)} m below the ground`);
const groundAt = (lon, lat) => page.evaluate(([lo, la]) => window.__city.groundAt(lo, la), [lon, lat]);

await test('page-loads', async () => {
  const load = loadavg()[0];
  const budget = scaled(READY_MS);
  await page.goto(SERVER + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__city && window.__city.firstFrameMs !== null, null, { timeout: scaled(120000), polling: 100 });
  const firstFrameMs = await page.evaluate(() => window.__city.firstFrameMs);
  const tiles = await page.evaluate(() => window.__city.firstView.tiles);
  log('tiles drawn per network in that frame (tileVisible events)', JSON.stringify(tiles));
  for (const code of ['js', 'ps', 'rq', 'rl', 'dl', 'tx']) assert(tiles['pipe_' + code] > 0, `no pipe_${code} tiles drawn in the first view`);
  log(`first frame with tiles of every network ${firstFrameMs} ms after navigation (budget ${budget} ms: ${READY_MS} ms × load ${load.toFixed(2)} / ${availableParallelism()} cores)`);
  results.firstView = { firstFrameMs, tiles, budgetMs: budget, load1: load, cores: availableParallelism() };
  // The terrain height at the known pipe before any check that may fail: every later test aims there.
  assert(await page.evaluate(() => window.__city.terrain) === true, 'the viewer did not load the terrain (/terrain/layer.json)');
  G = await groundAt(plon, plat);
  ph += G;
  log(`terrain at the known pipe ${G.toFixed(2)} m (ellipsoidal); pipe centre at ${ph.toFixed(2)} m`);
  assert(G > 1000, `terrain height ${G} m at the known pipe: not the loess plateau's ≈1,900 m`);
  assert(await page.title() === '兰州新区三维城市信息服务', `title is ${await page.title()}`);
  assert(firstFrameMs <= budget, `first frame with tiles took ${firstFrameMs} ms (budget ${budget} ms)`);
  const gl = await page.evaluate(() => { const c = window.__city.viewer.scene.context; return { webgl2: c.webgl2, renderer: c._gl.getParameter(c._gl.RENDERER) }; });
  log('WebGL', JSON.stringify(gl));
  await shot('01-first-view');
});

await test('tilesets-loaded', async () => {
  await page.waitForFunction(() => window.__city.ready, null, { timeout: scaled(240000), polling: 200 });
  results.firstView.readyMs = await page.evaluate(() => window.__city.readyMs);
  log(`every tile of the first view loaded ${results.firstView.readyMs} ms after navigation`);
  await idle();
  const summary = await page.evaluate(() => window.__city.tilesetManager.summary());
  writeFileSync(join(ARTIFACTS, 'tilesets.json'), JSON.stringify(summary, null, 2));
  for (const [id, s] of Object.entries(summary)) {
    assert(s.present, `tileset ${id} did not load: ${s.error}`);
    assert(s.tilesLoaded || !s.show, `tileset ${id} has not loaded its tiles`);
  }
  assert(requested.some((u) => u.includes('/3dtiles/pipe_js/tileset.json?heights=absolute')), 'the pipes were not asked for in absolute heights');
  const features = await page.evaluate(() => window.__city.featureCount());
  log('features in loaded tiles', JSON.stringify(features));
  assert(features.pipe_js > 0, 'no water-pipe features in the loaded tiles');
  // The 2D maps come from the WMTS tile store (CGCS2000Quad), not as WMS GetMap renders.
  await page.waitForFunction(() => window.__city.viewer.scene.globe.tilesLoaded, null, { timeout: scaled(240000), polling: 250 });
  for (const layer of ['road', 'zoning_parcel']) {
    assert(requested.some((u) => u.includes(`/wmts/${layer}/default/current/CGCS2000Quad/`)), `no WMTS tiles of ${layer}`);
  }
  // ... and are drawn: the ground at parcel centres and on road centrelines changes with the maps.
  // Features near the middle of the home view (the first ones by id may lie under a panel).
  const [hw, hs, he, hn] = await page.evaluate(() => window.__city.home_);
  const middle = [hw + (he - hw) * 0.3, hs + (hn - hs) * 0.3, hw + (he - hw) * 0.7, hs + (hn - hs) * 0.7].join(',');
  const near = async (layer) => (await fetchJson(`/ogcapi/collections/${layer}/items?limit=50&bbox=${middle}`)).features;
  const parcels = await freeOnScreen((await near('zoning_parcel')).map((f) => {
    const [w, s, e, n] = bboxOfGeometry(f.geometry);
    return [(w + e) / 2, (s + n) / 2];
  }));
  const roads = await freeOnScreen((await near('road')).map((f) => midpoint(f.geometry.type === 'MultiLineString' ? { geometry: { coordinates: f.geometry.coordinates[0] } } : f)), 6);
  assert(parcels.length > 0 && roads.length > 0, `no parcel centre (${parcels.length}) or road (${roads.length}) in view`);
  await page.evaluate(() => window.__city.tilesetManager.setShow('parcels', false));
  await underground(false);
  const mapsOn = { parcels: await windows(parcels), roads: await windows(roads, 2) };
  await shot('01b-maps-opaque-ground');
  await showParcels(false);
  await globeIdle();
  const parcelShare = windowsChanged(mapsOn.parcels, await windows(parcels));
  const roadShare = windowsChanged(mapsOn.roads, await windows(roads, 2));
  await showParcels(true);
  await underground(true);
  log(`WMTS maps: ${(parcelShare * 100).toFixed(1)} % of the pixels at ${parcels.length} parcel centres and ${(roadShare * 100).toFixed(1)} % on ${roads.length} road centrelines change without them`);
  assert(parcelShare > 0.5, `the WMTS parcel map is not drawn at parcel centres (${(parcelShare * 100).toFixed(1)} % changed)`);
  assert(roadShare > 0.1, `the WMTS road map is not drawn on road centrelines (${(roadShare * 100).toFixed(1)} % changed)`);
  assert(requested.some((u) => /\/terrain\/\d+\/\d+\/\d+\.terrain/.test(u)), 'no terrain tiles requested');
  assert(!requested.some((u) => /\/wms\?.*request=getmap/i.test(u)), 'the viewer asked WMS GetMap');
});

/** Canvas positions of (at most `max` of) lon/lat points on the ground that fall on the scene clear of the panels. */
async function freeOnScreen(points, max = 4) {
  const out = [];
  for (const [lon, lat] of points) {
    if (out.length >= max) break;
    const p = await screenOf(lon, lat, await groundAt(lon, lat));
    // Not under the layer panel (left), the tools and attribute panels (right) or the time panel.
    if (p && p.cx > 300 && p.cx < 930 && p.cy > 60 && p.cy < 640) out.push({ lon, lat, ...p });
  }
  return out;
}

/** RGBA of the scene canvas in a square window (±half canvas pixels) around each canvas position. */
async function windows(points, half = 6) {
  return page.evaluate(([pts, hw]) => {
    const src = window.__city.viewer.scene.canvas;
    const sx = src.width / src.clientWidth;
    const sy = src.height / src.clientHeight;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    return pts.map((p) => Array.from(g.getImageData(Math.round(p.cx * sx) - hw, Math.round(p.cy * sy) - hw, 2 * hw + 1, 2 * hw + 1).data));
  }, [points, half]);
}

/** Share of the windows' pixels whose colour changed (sum of |ΔR|+|ΔG|+|ΔB| > 40) from `a` to `b`. */
function windowsChanged(a, b) {
  let n = 0; let changed = 0;
  a.forEach((w, k) => {
    for (let i = 0; i < w.length; i += 4, n++) {
      if (Math.abs(w[i] - b[k][i]) + Math.abs(w[i + 1] - b[k][i + 1]) + Math.abs(w[i + 2] - b[k][i + 2]) > 40) changed++;
    }
  });
  return n ? changed / n : 0;
}

/** Share of the windows' pixels that came closer to its window's colour (`rgbs[k]`, [r, g, b]) by more than 8 from `a` to `b` (two frames of the same view are identical otherwise). */
function windowsToward(a, b, rgbs) {
  let n = 0; let toward = 0;
  const dist = (w, i, c) => Math.hypot(w[i] - c[0], w[i + 1] - c[1], w[i + 2] - c[2]);
  a.forEach((w, k) => {
    for (let i = 0; i < w.length; i += 4, n++) if (dist(b[k], i, rgbs[k]) + 8 < dist(w, i, rgbs[k])) toward++;
  });
  return n ? toward / n : 0;
}

/** Shows or hides the parcel envelopes and the WMTS parcel and road maps (land-use colours share hues with pipes). */
async function showParcels(show) {
  await page.evaluate((v) => {
    window.__city.tilesetManager.setShow('parcels', v);
    for (const map of ['parcel', 'road']) window.__city.imagery.show(map, v);
  }, show);
}

/**
 * Underground mode on (translucent ground, the default) or off (opaque ground). The 2D maps are
 * checked on the opaque ground: under the translucent one (alpha 0.35–0.9 over a black background
 * or the far side of the globe) a map changes a pixel by ~10 of 765, below any honest threshold.
 */
async function underground(on) {
  await page.locator('#underground-on').setChecked(on);
  await globeIdle();
}

await test('underground-pipes-render', async () => {
  await page.evaluate(() => window.__city.home());
  await showParcels(false);
  await idle();
  const on = await pipePixels();
  await shot('02-underground-overview');
  await page.evaluate(() => { for (const id of ['pipe_js', 'pipe_ps', 'pipe_rq', 'pipe_rl', 'pipe_dl', 'pipe_tx']) window.__city.tilesetManager.setShow(id, false); });
  await idle();
  const off = await pipePixels();
  await page.evaluate(() => { for (const id of ['pipe_js', 'pipe_ps', 'pipe_rq', 'pipe_rl', 'pipe_dl', 'pipe_tx']) window.__city.tilesetManager.setShow(id, true); });
  await idle();
  await showParcels(true);
  await idle();
  log(`pipe-colour pixels (parcels hidden): with pipes ${JSON.stringify(on)}, without ${JSON.stringify(off)}`);
  assert(on.total > 500, `only ${on.total} pipe-colour pixels in underground mode`);
  assert(on.total > off.total * 2 + 200, `pipes add too few pixels (${on.total} vs ${off.total} without pipes)`);
  // Close-up of one street's pipes under the see-through ground; with opaque terrain (underground
  // mode off) the same view from above the ground shows none of them.
  await showParcels(false);
  await jump(plon, plat, G, 60);
  const near = await pipePixels();
  await shot('03-underground-closeup');
  await page.click('#underground-on');
  await idle();
  const opaque = await pipePixels();
  await shot('03b-terrain-opaque');
  await page.click('#underground-on');
  await showParcels(true);
  await idle();
  log(`close-up pipe-colour pixels: underground mode ${JSON.stringify(near)}, opaque terrain ${JSON.stringify(opaque)}`);
  assert(near.total > 500, `close-up shows only ${near.total} pipe-colour pixels`);
  assert(opaque.total * 5 < near.total, `pipes show through opaque terrain (${opaque.total} vs ${near.total} pixels)`);
});

await test('pick-known-pipe', async () => {
  await jump(plon, plat, ph, 40);
  await clickAt(plon, plat, ph);
  await page.waitForFunction((fid) => window.__city.picked && String(window.__city.picked.fid) === String(fid)
    && window.__city.picked.source === 'ogcapi', pipe.id, { timeout: scaled(60000) });
  const panel = await page.locator('#info-panel').isVisible();
  assert(panel, 'the attribute panel is hidden');
  const text = await page.locator('#info-body').innerText();
  for (const label of ['权属单位', '管径', '材质', '起点埋深']) assert(text.includes(label), `attribute panel lacks ${label}: ${text.slice(0, 200)}`);
  assert(/\d+\s*mm/.test(text), 'no unit mm in the attribute panel');
  assert(text.includes(String(pipe.properties.owner ?? '')), 'owner value missing');
  await shot('04-picked-pipe');
});

await test('language-switch', async () => {
  await page.click('#lang-btn');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert((await page.locator('#app-title').innerText()) === 'Lanzhou New Area 3D City Information Service', 'title not English');
  assert((await page.locator('[data-analysis="clearance"]').innerText()) === 'Clearance check', 'tools not English');
  const info = await page.locator('#info-body').innerText();
  assert(info.includes('owner'), 'attribute panel not English');
  await shot('05-english');
  await page.click('#lang-btn');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert((await page.locator('#app-title').innerText()) === '兰州新区三维城市信息服务', 'title not back to Chinese');
});

/** Every 4th pixel of the scene canvas in both directions, RGB (to compare two frames). */
async function canvasSample() {
  return page.evaluate(() => {
    const src = window.__city.viewer.scene.canvas;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let y = 0; y < c.height; y += 4) for (let x = 0; x < c.width; x += 4) { const i = (y * c.width + x) * 4; out.push(d[i], d[i + 1], d[i + 2]); }
    return out;
  });
}

/** Waits for a frame drawn after the call with every terrain and imagery tile of the view loaded. */
async function globeIdle(timeout = scaled(240000)) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`globe not loaded after ${timeout} ms`)), timeout); });
  try {
    await Promise.race([page.evaluate(() => window.__city.whenGlobeLoaded()), late]);
  } finally { clearTimeout(timer); }
}

/** Share of the sampled pixels whose colour differs (sum of |ΔR|+|ΔG|+|ΔB| > 40) between two samples. */
function changedShare(a, b) {
  let changed = 0;
  for (let i = 0; i < a.length; i += 3) {
    if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 40) changed++;
  }
  return changed / (a.length / 3);
}

/** RSRP classes of the coverage style `rsrp` (server NamedStyles): [lower limit dBm, [r, g, b]]. */
const RSRP_CLASSES = [[-80, [0x1a, 0x96, 0x41]], [-90, [0xa6, 0xd9, 0x6a]], [-100, [0xff, 0xff, 0xbf]], [-110, [0xfd, 0xae, 0x61]], [-120, [0xf4, 0x6d, 0x43]], [-Infinity, [0xd7, 0x19, 0x1c]]];

await test('coverage-overlay', async () => {
  // Best-server coverage of the sample's sectors on a 50 m grid: a job of the queue.
  const res = await fetch(SERVER + '/ogcapi/processes/coverage/execution', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ inputs: { cellSize: 50 } }),
  });
  const body = await res.text();
  assert(res.status === 201, `coverage job: HTTP ${res.status} ${body}`);
  const job = JSON.parse(body).jobID;
  let status = 'accepted';
  const jobEnd = Date.now() + scaled(180000);
  while (Date.now() < jobEnd && /accepted|running/.test(status)) {
    await new Promise((r) => setTimeout(r, 200));
    status = (await fetchJson(`/ogcapi/jobs/${job}`)).status;
  }
  assert(status === 'successful', `coverage job ${job}: ${status}`);
  const stats = await fetchJson('/api/coverage/statistics');
  const reached = stats.layers.filter((l) => l.reached > 0);
  assert(reached.length > 0, `no coverage computed: ${JSON.stringify(stats)}`);
  const layer = `coverage_${reached[0].operator}_${reached[0].band}`.toLowerCase();
  const toggle = page.locator(`#lt-raster-${layer}`);
  assert(await toggle.count() === 1, `no toggle for ${layer} in the layer panel`);
  assert(!(await toggle.isChecked()), 'the coverage overlay is shown before it is asked for');
  assert((await page.locator('#layer-tree').innerText()).includes('无线覆盖'), 'no 无线覆盖 group in the layer panel');
  await page.evaluate(() => window.__city.home());
  await showParcels(false);
  await globeIdle();
  // Where the server says the layer reaches ≥ −110 dBm, in view: its RSRP class colour (style rsrp).
  const [hw0, hs0, he0, hn0] = await page.evaluate(() => window.__city.home_);
  const grid = [];
  for (let i = 1; i < 6; i++) for (let j = 1; j < 6; j++) grid.push([hw0 + ((he0 - hw0) * i) / 6, hs0 + ((hn0 - hs0) * j) / 6]);
  const covered = [];
  for (const [lon, lat] of grid) {
    const at = (await fetchJson(`/api/coverage/point?x=${lon}&y=${lat}`)).layers.find((l) => (l.layer || `coverage_${l.operator}_${l.band}`).toLowerCase() === layer);
    if (at && at.rsrpDbm !== null && at.rsrpDbm >= -110) covered.push([lon, lat, at.rsrpDbm]);
  }
  const spots = await freeOnScreen(covered, 5);
  assert(spots.length > 0, `no point in view where ${layer} reaches −110 dBm (${covered.length} on the grid)`);
  const colours = spots.map((p) => RSRP_CLASSES.find(([limit]) => covered.find((c) => c[0] === p.lon && c[1] === p.lat)[2] >= limit)[1]);
  await underground(false);
  const before = await windows(spots);
  await toggle.check();
  await globeIdle();
  const after = await windows(spots);
  await shot('05b-coverage');
  const toward = windowsToward(before, after, colours);
  const tiles = requested.filter((u) => u.includes(`/wmts/${layer}/rsrp/current/CGCS2000Quad/`));
  await toggle.uncheck();
  await globeIdle();
  const back = windowsChanged(before, await windows(spots));
  await underground(true);
  log(`coverage overlay ${layer}: ${tiles.length} WMTS tiles; at ${spots.length} covered points ${(toward * 100).toFixed(1)} % of the pixels turn toward their RSRP class colour, ${(back * 100).toFixed(1)} % stay changed after hiding it`);
  assert(tiles.length > 0, `no WMTS tiles of ${layer} requested`);
  assert(toward > 0.5, `the coverage overlay is not drawn where the server has coverage: ${(toward * 100).toFixed(1)} % of the pixels turn toward the class colour`);
  assert(back < 0.1, `hiding the overlay leaves ${(back * 100).toFixed(1)} % of the pixels changed`);
  // KPIs against the plan (a job over this coverage), the holes, and one hole's candidate towers.
  await openTool('coverage');
  await page.click('#run-coverage');
  const kpi = await resultOf('coverage', 300000);
  const props = kpi.features.map((f) => f.properties);
  const totals = props.filter((p) => p.kind === 'kpi' && p.district === 'all' && p.landUseClass === 'all');
  const holes = kpi.features.filter((f) => f.properties.kind === 'hole');
  log(`coverage KPIs: ${totals.map((p) => `${p.layer} ${(p.share * 100).toFixed(1)} %`).join(', ')}; ${holes.length} holes`);
  assert(totals.length > 0, 'no whole-area KPI per operator and band');
  const summaryText = await page.locator('#result-summary').innerText();
  for (const p of totals) assert(summaryText.includes(`${(p.share * 100).toFixed(1)} %`), `the KPI panel lacks ${p.layer} ${p.share}: ${summaryText}`);
  const districts = new Set(props.filter((p) => p.kind === 'kpi' && p.landUseClass === 'all').map((p) => p.district));
  assert(await page.locator('#kpi-table tr').count() === districts.size + 1, `the KPI table has not one row per district (${[...districts]})`);
  assert(holes.length > 0, 'no coverage hole found in the sample');
  assert(await page.locator('#result-list li').count() === holes.length, 'not one row per hole');
  const pickHole = holes.reduce((best, h, i) => (h.properties.candidates.length > holes[best].properties.candidates.length ? i : best), 0);
  const hole = holes[pickHole].properties;
  await page.click(`#result-list button[data-index="${pickHole}"]`);
  await page.waitForFunction((n) => window.__city.analysis.hole && window.__city.analysis.hole.hole === n, hole.hole, { timeout: scaled(60000) });
  const listed = await page.locator('#result-detail button.row').evaluateAll((bs) => bs.map((b) => b.dataset.site));
  const ranked = hole.candidates.map((c) => c.siteCode);
  assert(JSON.stringify(listed) === JSON.stringify(ranked), `candidate towers ${listed} not in the server's rank ${ranked}`);
  for (let i = 1; i < hole.candidates.length; i++) {
    assert(hole.candidates[i - 1].coveredAreaM2 >= hole.candidates[i].coveredAreaM2, 'candidates not ranked by the hole area they cover');
  }
  const located = await page.evaluate(() => window.__city.analysis.hole.located.length);
  assert(located === ranked.length, `${located} of ${ranked.length} candidate towers drawn`);
  await page.waitForTimeout(scaled(1500)); // the flight to the hole
  await idle();
  const [hw, hs, he, hn] = bboxOfGeometry(holes[pickHole].geometry);
  const centre = await screenOf((hw + he) / 2, (hs + hn) / 2, await groundAt((hw + he) / 2, (hs + hn) / 2));
  assert(centre && centre.cx > 0 && centre.cx < VIEW.width && centre.cy > 0 && centre.cy < VIEW.height, 'the view did not move to the hole');
  assert(await page.locator(`#lt-raster-${hole.layer}`).isChecked(), `the hole's coverage ${hole.layer} is not shown`);
  log(`hole ${hole.hole} (${hole.layer}, ${Math.round(hole.areaM2)} m²): candidate towers ${ranked.join(', ') || 'none'}`);
  await shot('05c-coverage-hole');
  await page.evaluate(() => window.__city.analysis.clear());
  await page.locator(`#lt-raster-${hole.layer}`).uncheck();
  await page.click('#lang-btn');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert((await page.locator('#layer-tree').innerText()).includes('Wireless coverage'), 'coverage group not English');
  await page.click('#lang-btn');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await showParcels(true);
});

await test('real-scene-toggles', async () => {
  // Buildings, the registered photogrammetry and the orthophoto: toggles from the catalog, off by
  // default; each, when switched on, loads and changes the view where it is, and is gone when off.
  const summary = await page.evaluate(() => window.__city.tilesetManager.summary());
  const optional = Object.entries(summary).filter(([, s]) => s.optional).map(([id, s]) => ({ id, ...s }));
  log('optional tilesets', JSON.stringify(optional));
  assert(optional.some((o) => o.id === 'buildings'), 'no buildings toggle (the sample has buildings)');
  const photo = optional.find((o) => o.group === 'photogrammetry');
  assert(photo, 'no toggle for the registered photogrammetry tileset');
  for (const o of optional) assert(!o.show && !(await page.locator(`#lt-${o.id}`).isChecked()), `${o.id} shown before it is asked for`);
  assert((await page.locator('#layer-tree').innerText()).includes('实景三维'), 'no 实景三维 group in the layer panel');
  const reg = (await fetchJson('/3dtiles')).find((t) => t.name === photo.id);
  const [w, s, e, n] = reg.extent;
  const [clon, clat] = [(w + e) / 2, (s + n) / 2];
  await jump(clon, clat, await groundAt(clon, clat), 450);
  await showParcels(false);
  await page.evaluate(() => window.__city.tilesetManager.setShow('parcels', false));
  await globeIdle();
  const toggled = async (selector, wait) => {
    const before = await canvasSample();
    await page.locator(selector).check();
    await wait();
    const on = await canvasSample();
    await shot(`05d-${selector.slice(4)}`);
    await page.locator(selector).uncheck();
    await wait();
    const off = await canvasSample();
    return { on: changedShare(before, on), off: changedShare(before, off) };
  };
  const report = {};
  for (const o of optional) {
    report[o.id] = await toggled(`#lt-${o.id}`, idle);
    const loads = await page.evaluate((id) => window.__city.tilesetManager.summary()[id].tileLoads, o.id);
    assert(loads > 0, `${o.id}: no tile content loaded`);
  }
  // The orthophoto (opaque) replaces the ground around the mesh: windows 100–150 m off its centre.
  const around = await freeOnScreen([[clon - 0.0015, clat - 0.001], [clon + 0.0015, clat - 0.001], [clon - 0.0015, clat + 0.001], [clon + 0.0015, clat + 0.001]]);
  assert(around.length > 0, 'no point around the mesh in view');
  await underground(false);
  const groundOnly = await windows(around);
  report.orthophoto = await toggled('#lt-raster-orthophoto', async () => {
    await globeIdle();
    if (await page.locator('#lt-raster-orthophoto').isChecked()) report.orthophotoAround = windowsChanged(groundOnly, await windows(around));
  });
  await underground(true);
  assert(requested.some((u) => u.includes('/wmts/orthophoto/default/current/CGCS2000Quad/')), 'no WMTS tiles of the orthophoto');
  assert(report.orthophotoAround > 0.5, `the orthophoto is not drawn around the mesh (${(report.orthophotoAround * 100).toFixed(1)} % of the pixels changed)`);
  delete report.orthophotoAround;
  await showParcels(true);
  await page.evaluate(() => window.__city.tilesetManager.setShow('parcels', true));
  log('view changed by each real-scene layer (on / back off)', JSON.stringify(report));
  for (const [id, r] of Object.entries(report)) {
    assert(r.on > 0.005, `${id} does not change the view (${(r.on * 100).toFixed(2)} %)`);
    assert(r.off < r.on / 4, `${id} stays in the view when switched off (${(r.off * 100).toFixed(2)} %)`);
  }
});

await test('keyboard', async () => {
  await page.locator('#cesium').focus();
  await page.keyboard.press('/');
  assert(await page.evaluate(() => document.activeElement.id === 'search-input'), '"/" does not focus the search');
  await page.keyboard.press('Tab');
  assert(await page.evaluate(() => document.activeElement.id === 'search-go'), 'Tab does not reach the search button');
  await page.locator('#cesium').focus();
  const before = await page.evaluate(() => window.__city.viewer.camera.positionCartographic.height);
  await page.keyboard.down('e');
  await page.waitForTimeout(600);
  await page.keyboard.up('e');
  const after = await page.evaluate(() => window.__city.viewer.camera.positionCartographic.height);
  assert(after > before, `E does not raise the camera (${before} → ${after})`);
});

await test('search', async () => {
  const points = await firstFeature('pipe_point');
  const expNo = points.find((f) => f.properties.exp_no).properties.exp_no;
  await page.fill('#search-input', expNo);
  await page.click('#search-go');
  await page.waitForFunction(() => window.__city.search !== null, null, { timeout: scaled(60000) });
  const found = await page.evaluate(() => window.__city.search);
  assert(found.length > 0 && found.some((r) => r.label.includes(expNo)), `search ${expNo} found ${JSON.stringify(found)}`);
  const roads = await firstFeature('road');
  const road = roads[0].properties.name;
  await page.evaluate(() => { window.__city.search = null; });
  await page.selectOption('#search-kind', 'road');
  await page.fill('#search-input', road);
  await page.click('#search-go');
  await page.waitForFunction(() => window.__city.search !== null, null, { timeout: scaled(60000) });
  const r2 = await page.evaluate(() => window.__city.search);
  assert(r2.some((r) => r.layer === 'road'), `road search ${road} found nothing`);
  await page.selectOption('#search-kind', 'auto');
  await idle();
  await shot('06-search');
});

await test('measure-distance', async () => {
  await jump(plon, plat, G, 150);
  await page.click('[data-tool="distance"]');
  const a = await screenOf(plon, plat, G);
  await page.mouse.click(a.x - 100, a.y);
  await page.mouse.click(a.x + 100, a.y);
  await page.keyboard.press('Enter');
  const m = await page.evaluate(() => window.__city.measurer.last);
  assert(m && m.distanceM > 5 && m.distanceM < 2000, `distance ${JSON.stringify(m)}`);
  await page.click('[data-tool="area"]');
  await page.mouse.click(a.x - 80, a.y - 60);
  await page.mouse.click(a.x + 80, a.y - 60);
  await page.mouse.click(a.x + 80, a.y + 60);
  await page.keyboard.press('Enter');
  const ar = await page.evaluate(() => window.__city.measurer.last);
  assert(ar && ar.kind === 'area' && ar.areaM2 > 10, `area ${JSON.stringify(ar)}`);
  await idle();
  await shot('07-measure');
  await page.click('[data-tool="clear"]');
});

await test('analysis-clearance', async () => {
  // One street's view: the whole sample exceeds the analysis time limit on a loaded machine.
  await jump(plon, plat, G, 250);
  await openTool('clearance');
  await page.click('#run-clearance');
  const answer = await resultOf('clearance');
  assert(Array.isArray(answer.violations), 'no violations list');
  assert(await page.locator('#result-panel').isVisible(), 'result panel hidden');
  const rows = await page.locator('#result-list li').count();
  assert(rows === answer.violations.length, `${rows} rows for ${answer.violations.length} violations`);
  if (answer.violations.length) {
    const h = await page.evaluate(() => window.__city.tilesetManager.highlights.size);
    assert(h > 0, 'violations not highlighted');
  }
  log(`clearance: ${answer.violations.length} violations`);
  await idle();
  await shot('08-clearance');
  // Export GeoJSON and CSV.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-geojson')]);
  const gj = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert(gj.type === 'FeatureCollection' && gj.features.length === answer.violations.length, 'GeoJSON export');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = readFileSync(await dl2.path(), 'utf8');
  assert(csv.split('\r\n').filter(Boolean).length === answer.violations.length + 1, 'CSV export rows');
});

await test('analysis-excavation', async () => {
  await jump(plon, plat, G, 90);
  await openTool('excavation');
  await page.fill('#exc-depth', '4');
  await page.click('#run-excavation');
  const c = await screenOf(plon, plat, G);
  const d = 45;
  await page.mouse.click(c.x - d, c.y - d);
  await page.mouse.click(c.x + d, c.y - d);
  await page.mouse.click(c.x + d, c.y + d);
  await page.mouse.click(c.x - d, c.y + d);
  await page.keyboard.press('Enter');
  const answer = await resultOf('excavation');
  assert(answer.hits.length > 0, 'the pit over the known pipe hits nothing');
  assert(answer.hits.some((h) => String(h.fid) === String(pipe.id)), `the known pipe #${pipe.id} is not in the affected list`);
  assert(await page.evaluate(() => !!(window.__city.viewer.scene.globe.clippingPolygons || window.__city.viewer.scene.globe.clippingPlanes)), 'no clipped pit');
  await page.waitForTimeout(scaled(1500)); // the tool flies to a side view of the pit
  // The cut: with opaque terrain (underground mode off) the pipes show through the pit only.
  const setCut = (on) => page.evaluate((v) => { const g = window.__city.viewer.scene.globe; (g.clippingPolygons || g.clippingPlanes).enabled = v; }, on);
  await page.click('#underground-on');
  await showParcels(false);
  await idle();
  const cut = await pipePixels();
  await shot('09-excavation');
  await setCut(false);
  await idle();
  const uncut = await pipePixels();
  await setCut(true);
  await page.click('#underground-on');
  await showParcels(true);
  await idle();
  log(`pipe-colour pixels over the pit, opaque terrain: cut ${JSON.stringify(cut)}, not cut ${JSON.stringify(uncut)}`);
  // The pipes the pit hits are highlighted red: they show in the pit only where the cut opens the terrain.
  assert(cut.HIT > uncut.HIT + 200, `the pit does not open the terrain onto the pipes it hits (${cut.HIT} vs ${uncut.HIT} highlighted pixels)`);
});

await test('analysis-cross-section', async () => {
  await jump(plon, plat, G, 120);
  await openTool('section');
  await page.click('#run-section');
  const c = await screenOf(plon, plat, G);
  // Across the pipe: perpendicular to its direction on screen.
  const [x1, y1] = pipe.geometry.coordinates[0];
  const [x2, y2] = pipe.geometry.coordinates.at(-1);
  const a = await screenOf(x1, y1, G);
  const b = await screenOf(x2, y2, G);
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = -(b.y - a.y) / len; const ny = (b.x - a.x) / len;
  await page.mouse.click(c.x - nx * 120, c.y - ny * 120);
  await page.mouse.click(c.x + nx * 120, c.y + ny * 120);
  const answer = await resultOf('section');
  assert(answer.pipes.length > 0, 'the section crosses no pipe');
  assert(answer.pipes.some((p) => String(p.fid) === String(pipe.id)), 'the known pipe is not in the section');
  assert(await page.locator('#result-chart svg').count() === 1, 'no SVG chart');
  await idle();
  await shot('10-cross-section');
});

await test('analysis-valve-isolation', async () => {
  await jump(plon, plat, ph, 40);
  await openTool('valve');
  await page.click('#run-valve');
  await clickAt(plon, plat, ph);
  const answer = await resultOf('valve');
  assert(String(answer.burstFid) === String(pipe.id), `burst ${answer.burstFid}`);
  assert(answer.isolatedSegments.length > 0, 'no isolated section');
  assert(answer.valvesToClose.length > 0, 'no valves to close');
  const h = await page.evaluate(() => window.__city.tilesetManager.highlights.size);
  assert(h >= answer.isolatedSegments.length, 'isolated section not highlighted');
  await page.evaluate(() => window.__city.flyToBbox(window.__city.bboxOfResult()));
  await page.waitForTimeout(scaled(1500));
  await idle();
  await shot('11-valve-isolation');
});

await test('analysis-trench-sharing', async () => {
  await openTool('trench');
  await page.click('#run-trench');
  const answer = await resultOf('trench');
  assert(Array.isArray(answer.candidates), 'no candidates list');
  assert(await page.locator('#result-panel').isVisible(), 'result panel hidden');
  log(`trench sharing: ${answer.candidates.length} candidates, ${(answer.spareDucts || []).length} spare ducts`);
  await shot('12-trench-sharing');
});

await test('analysis-colocation', async () => {
  const stations = await firstFeature('base_station');
  const s = stations[0];
  const [slon, slat] = s.geometry.coordinates;
  const gs = await groundAt(slon + 0.0008, slat);
  await jump(slon + 0.0008, slat, gs, 400);
  await openTool('colocation');
  await page.click('#run-colocation');
  await clickAt(slon + 0.0008, slat, gs);
  const answer = await resultOf('colocation');
  assert(answer.verdict === 'share' || answer.verdict === 'new_tower', `verdict ${answer.verdict}`);
  assert(answer.candidates.length > 0, 'no candidate towers near a station');
  const summary = await page.locator('#result-summary').innerText();
  assert(summary.includes('结论'), 'verdict not shown');
  await idle();
  await shot('13-colocation');
});

await test('time-slider', async () => {
  await page.evaluate(() => { window.__city.analysis.clear(); window.__city.home(); });
  await idle();
  const now = await page.evaluate(() => window.__city.featureCount());
  const early = await page.evaluate(async () => { await window.__city.setAsOf('2012-01-01'); return true; }).then(async () => {
    await page.waitForFunction(() => window.__city.ready, null, { timeout: scaled(240000) });
    await idle();
    return page.evaluate(() => window.__city.featureCount());
  });
  await shot('14-time-2012');
  const asOfTiles = requested.filter((u) => u.includes('/3dtiles/') && u.includes('asOf='));
  assert(asOfTiles.some((u) => u.includes('tileset.json?asOf=2012-01-01')), 'tilesets were not requested with asOf');
  assert(asOfTiles.some((u) => u.includes('.subtree')), 'tile subtrees were not requested with asOf');
  assert(requested.some((u) => /\/wmts\/road\/default\/2012-01-01\/CGCS2000Quad\/\d+\/\d+\/\d+\.png$/.test(u)), 'WMTS maps were not requested with TIME');
  const label = await page.locator('#time-out').innerText();
  assert(label.includes('2012-01-01'), `slider label ${label}`);
  log(`pipes in view now ${JSON.stringify(now)}, as of 2012 ${JSON.stringify(early)}`);
  const sum = (c) => ['pipe_js', 'pipe_ps', 'pipe_rq', 'pipe_rl', 'pipe_dl', 'pipe_tx'].reduce((a, k) => a + (c[k] || 0), 0);
  assert(sum(early) !== sum(now), `the 2012 network looks the same as today's (${sum(early)} features)`);
  await page.evaluate(() => window.__city.setAsOf(null));
  await page.waitForFunction(() => window.__city.ready, null, { timeout: scaled(240000) });
});

await test('no-console-errors', async () => {
  writeFileSync(join(ARTIFACTS, 'console-errors.txt'), consoleErrors.join('\n'));
  assert(consoleErrors.length === 0, `${consoleErrors.length} console errors (console-errors.txt): ${consoleErrors.slice(0, 3).join(' | ')}`);
});

await context.close();
const report = { server: SERVER, ok: failures === 0, seconds: (Date.now() - started) / 1000, firstView: results.firstView, results, consoleErrors };
writeFileSync(join(ARTIFACTS, 'report.json'), JSON.stringify(report, null, 2));
rmSync(userDataDir, { recursive: true, force: true });
log(`${results.length - failures}/${results.length} passed; artifacts in ${ARTIFACTS}`);
process.exit(failures ? 1 : 0);
