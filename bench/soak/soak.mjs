// bench/soak/soak.mjs: the soak driver (Node 20, no packages). Started by bench/soak/run.sh, which
// prepares the database, the editors and the server and passes everything through the environment:
//   SOAK_BASE, SOAK_SECONDS, SOAK_CONNECTIONS, SOAK_OUTAGE_AT, SOAK_OUTAGE_SECONDS, SOAK_EDITORS (JSON file),
//   SOAK_DB_STOP / SOAK_DB_START / SOAK_PSQL (shell commands), SOAK_SERVER_PID.
// Readers: SOAK_CONNECTIONS loops of mixed WMS, WFS, OGC API, 3D Tiles, analysis and catalog requests.
// Editors: one loop per editor, alternating WFS-T 2.0 Update and OGC API PATCH of dn_mm with values
// never written before, so every acknowledged edit can be found as a version in the database.
// Prints requests, errors by class and phase, p50/p95, recovery after the database is back, heap and
// RSS, and the acknowledged edits missing from the database (must be 0).
import { exec, execFileSync, execSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';

const env = (k, d) => process.env[k] ?? d;
const BASE = env('SOAK_BASE', 'http://127.0.0.1:18090');
const SECONDS = Number(env('SOAK_SECONDS', 270));
const CONNECTIONS = Number(env('SOAK_CONNECTIONS', 48));
const OUTAGE_AT = Number(env('SOAK_OUTAGE_AT', 100));
const OUTAGE_SECONDS = Number(env('SOAK_OUTAGE_SECONDS', 30));
const EDITORS = JSON.parse(readFileSync(env('SOAK_EDITORS'), 'utf8'));
const PID = env('SOAK_SERVER_PID');
const TIMEOUT_MS = 15000;
const AREA = { w: 103.684, s: 36.487, e: 103.716, n: 36.513 };

let t0 = Date.now();
const now = () => (Date.now() - t0) / 1000;
const marks = { stop: null, stopped: null, start: null, started: null };
const phase = (t) => (marks.stop === null || t < marks.stop ? 'before' : marks.started === null || t < marks.started ? 'outage' : 'after');
const samples = [];   // {t, cls, status, ms}
const memory = [];    // {t, phase, heapMb, rssMb}
const acked = [];     // {fid, dn, via, t}
const attempted = []; // {fid, dn}
const rnd = (a, b) => a + Math.random() * (b - a);
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

function window(size) {
  const w = rnd(AREA.w, AREA.e - size), s = rnd(AREA.s, AREA.n - size);
  return [w, s, w + size, s + size];
}

async function call(cls, url, init = {}) {
  const start = Date.now();
  let status;
  let body = '';
  try {
    const r = await fetch(BASE + url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    body = init.keepBody ? await r.text() : (await r.arrayBuffer(), '');
    status = String(r.status);
  } catch (e) {
    status = e.name === 'TimeoutError' ? 'timeout' : 'neterr';
  }
  const sample = { t: (start - t0) / 1000, cls, status, ms: Date.now() - start };
  samples.push(sample);
  return { status, body, sample };
}

let tiles = [];
const readers = [
  [25, () => { const [w, s, e, n] = window(0.004);
    return call('wms', `/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js,pipe_rq,pipe_ps&STYLES=&CRS=EPSG:4490&BBOX=${s},${w},${n},${e}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=true`); }],
  [5, () => { const [w, s, e, n] = window(0.002);
    return call('wms-info', `/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&LAYERS=pipe_js&QUERY_LAYERS=pipe_js&STYLES=&SRS=EPSG:4490&BBOX=${w},${s},${e},${n}&WIDTH=256&HEIGHT=256&X=128&Y=128&INFO_FORMAT=application/json&FORMAT=image/png`); }],
  [15, () => { const [w, s, e, n] = window(0.003);
    return call('wfs', `/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=city:${pick(['pipe_js', 'pipe_rq', 'pipe_ps'])}&COUNT=50&BBOX=${s},${w},${n},${e},urn:ogc:def:crs:EPSG::4490`); }],
  [15, () => { const [w, s, e, n] = window(0.003);
    return call('ogcapi', `/ogcapi/collections/${pick(['pipe_js', 'pipe_rq', 'pipe_dl'])}/items?bbox=${w},${s},${e},${n}&limit=50`); }],
  [25, () => tile3d(pick(tiles))],
  [3, () => { const [w, s, e, n] = window(0.004);
    return call('analysis', `/api/analysis/cross-section?line=${w},${s},${e},${n}`); }],
  [5, () => call('catalog', '/api/layers')],
  [2, () => call('wms-caps', `/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=${pick(['1.1.1', '1.3.0'])}`)],
];
const weightSum = readers.reduce((a, [w]) => a + w, 0);
function nextRead() {
  let r = Math.random() * weightSum;
  for (const [w, f] of readers) { if ((r -= w) < 0) return f(); }
  return readers[0][1]();
}

// The 3D tiles the readers ask for: the contents of levels 0-2 that answer 200, per tileset.
// Edits move pipes between levels (the soak writes DN values far above any real one), so a
// content can stop being available; a 404 re-reads that tileset's list (at most every 5 s), and a
// tile the list no longer holds counts as gone (what a client reading the subtrees never asks
// for), not as an error.
const tileSets = new Map(); // set -> {urls, at}
async function discoverTiles(set) {
  const urls = [];
  for (let level = 0; level <= 2; level++) {
    for (let x = 0; x < 2 ** level; x++) {
      for (let y = 0; y < 2 ** level; y++) {
        const url = `/3dtiles/${set}/${set}/${level}/${x}/${y}.glb`;
        const r = await fetch(BASE + url).catch(() => null);
        if (r && r.status === 200) urls.push(url);
        if (r) await r.arrayBuffer();
      }
    }
  }
  tileSets.set(set, { urls, at: Date.now() });
  tiles = [...tileSets.keys()].flatMap((k) => [...tileSets.get(k).urls, `/3dtiles/${k}/tileset.json`]);
}

async function tile3d(url) {
  const r = await call('3dtiles', url);
  const set = url.split('/')[2];
  if (r.status !== '404' || !url.endsWith('.glb')) return r;
  if (Date.now() - tileSets.get(set).at > 5000) await discoverTiles(set);
  if (!tileSets.get(set).urls.includes(url)) r.sample.status = 'gone';
  return r;
}

const until = () => now() < SECONDS;
async function reader() { while (until()) await nextRead(); }

let counter = 0;
async function editor(ed, index) {
  const auth = 'Basic ' + Buffer.from(`${ed.user}:${ed.password}`).toString('base64');
  let n = 0;
  while (until()) {
    const fid = ed.fids[n % ed.fids.length];
    const dn = 20000 + index * 100000 + (++counter);
    attempted.push({ fid, dn });
    const t = now();
    if (n++ % 2 === 0) {
      const xml = `<wfs:Transaction service="WFS" version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:city="http://lzxq.cn/city"><wfs:Update typeName="city:${ed.layer}"><wfs:Property><wfs:ValueReference>dn_mm</wfs:ValueReference><wfs:Value>${dn}</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid="${ed.layer}.${fid}"/></fes:Filter></wfs:Update></wfs:Transaction>`;
      const r = await call('edit-wfst', '/wfs', { method: 'POST', headers: { authorization: auth, 'content-type': 'text/xml' }, body: xml, keepBody: true });
      if (r.status === '200' && /totalUpdated>1</.test(r.body)) acked.push({ fid, dn, via: 'wfst', t });
      else if (r.status === '200') samples.push({ t, cls: 'edit-wfst', status: '200-not-applied', ms: 0 });
    } else {
      const r = await call('edit-patch', `/ogcapi/collections/${ed.layer}/items/${fid}`, { method: 'PATCH',
        headers: { authorization: auth, 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({ type: 'Feature', properties: { dn_mm: dn } }) });
      if (r.status === '204' || r.status === '200') acked.push({ fid, dn, via: 'patch', t });
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function sampleMemory() {
  let heapMb = null;
  let rssMb = null;
  try {
    const rss = readFileSync(`/proc/${PID}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    rssMb = rss ? Number(rss[1]) / 1024 : null;
    const [head, row] = execFileSync('jstat', ['-gc', PID], { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().split(/\s+/));
    const col = (name) => Number(row[head.indexOf(name)]);
    heapMb = (col('S0U') + col('S1U') + col('EU') + col('OU')) / 1024;
  } catch { /* the process is gone or jstat is missing */ }
  memory.push({ t: now(), phase: phase(now()), heapMb, rssMb });
}

const run = promisify(exec); // asynchronous: the readers and editors keep going while pg_ctl works

async function outage() {
  await new Promise((r) => setTimeout(r, OUTAGE_AT * 1000));
  marks.stop = now();
  await run(env('SOAK_DB_STOP'));
  marks.stopped = now();
  await new Promise((r) => setTimeout(r, OUTAGE_SECONDS * 1000));
  marks.start = now();
  await run(env('SOAK_DB_START'));
  marks.started = now();
}

const pct = (xs, p) => { if (!xs.length) return '-'; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ok = (s) => /^2\d\d$/.test(s.status) || s.status === 'gone';

function report() {
  const out = [];
  const say = (l) => out.push(l);
  say(`soak: ${SECONDS} s, ${CONNECTIONS} reader connections, ${EDITORS.length} editors, database stopped at ${marks.stop?.toFixed(1)} s `
    + `(down at ${marks.stopped?.toFixed(1)} s), start at ${marks.start?.toFixed(1)} s, accepting at ${marks.started?.toFixed(1)} s`);
  say(`requests: ${samples.length} (${(samples.length / SECONDS).toFixed(1)}/s)`);
  for (const ph of ['before', 'outage', 'after']) {
    const inPhase = samples.filter((s) => phase(s.t) === ph);
    say(`\n[${ph}] ${inPhase.length} requests`);
    say('  class        n      ok    p50 ms  p95 ms  errors by status');
    for (const cls of [...new Set(samples.map((s) => s.cls))].sort()) {
      const c = inPhase.filter((s) => s.cls === cls);
      if (!c.length) continue;
      const errs = {};
      c.filter((s) => !ok(s)).forEach((s) => { errs[s.status] = (errs[s.status] || 0) + 1; });
      const ms = c.map((s) => s.ms);
      say(`  ${cls.padEnd(11)} ${String(c.length).padStart(6)} ${String(c.filter(ok).length).padStart(7)} ${String(pct(ms, 0.5)).padStart(8)} ${String(pct(ms, 0.95)).padStart(7)}  ${JSON.stringify(errs)}`);
    }
  }
  const gone = samples.filter((s) => s.status === 'gone').length;
  say(`\n3D tile contents no longer available after edits (404, gone from the re-read list; counted ok): ${gone}`);
  const after = samples.filter((s) => phase(s.t) === 'after' && !ok(s) && s.status !== '200-not-applied');
  const lastErr = after.length ? Math.max(...after.map((s) => s.t + s.ms / 1000)) : null;
  say(`\nrecovery: ${after.length} failed requests after the database accepted connections; `
    + (lastErr === null ? 'none, recovery 0 s' : `the last one ended ${(lastErr - marks.started).toFixed(1)} s after it`));
  for (const ph of ['before', 'outage', 'after']) {
    const m = memory.filter((x) => x.phase === ph && x.heapMb !== null);
    if (!m.length) continue;
    say(`memory [${ph}]: heap used max ${Math.max(...m.map((x) => x.heapMb)).toFixed(0)} MB (last ${m.at(-1).heapMb.toFixed(0)} MB), `
      + `RSS max ${Math.max(...m.map((x) => x.rssMb)).toFixed(0)} MB (last ${m.at(-1).rssMb.toFixed(0)} MB)`);
  }
  return out;
}

function verifyEdits() {
  if (!acked.length) return ['edits: none acknowledged'];
  const values = acked.map((a) => `(${a.fid},${a.dn})`).join(',');
  const missing = execSync(env('SOAK_PSQL'), { input: `SELECT v.fid || ':' || v.dn FROM (VALUES ${values}) v(fid, dn) `
      + 'WHERE NOT EXISTS (SELECT 1 FROM pipe_segment p WHERE p.fid = v.fid AND p.dn_mm = v.dn);', encoding: 'utf8' })
    .trim().split('\n').filter(Boolean);
  const lastAcked = new Map();
  acked.forEach((a) => lastAcked.set(a.fid, a.dn));
  const current = new Map(execSync(env('SOAK_PSQL'), { input: `SELECT fid || ':' || dn_mm FROM pipe_segment WHERE valid_to IS NULL AND fid IN (${[...lastAcked.keys()].join(',')});`, encoding: 'utf8' })
    .trim().split('\n').filter(Boolean).map((l) => l.split(':').map(Number)));
  const newer = [...lastAcked].filter(([fid, dn]) => current.get(fid) !== dn);
  return [`edits: ${attempted.length} attempted, ${acked.length} acknowledged (${acked.filter((a) => a.via === 'wfst').length} WFS-T, `
    + `${acked.filter((a) => a.via === 'patch').length} PATCH); acknowledged edits missing from the database: ${missing.length}`
    + (missing.length ? ` (fid:dn_mm ${missing.slice(0, 10).join(' ')})` : ''),
    `edits: features whose current dn_mm is not their last acknowledged value: ${newer.length}`
    + (newer.length ? ' (a later edit was applied without an acknowledgement, e.g. it timed out)' : '')];
}

for (const set of ['pipe_js', 'pipe_rq']) await discoverTiles(set);
console.error(`soak: ${tiles.length} tile URLs, starting ${CONNECTIONS} readers and ${EDITORS.length} editors`);
t0 = Date.now();
const memTimer = setInterval(sampleMemory, 5000);
sampleMemory();
const progress = setInterval(() => console.error(`soak: ${now().toFixed(0)} s, ${samples.length} requests, phase ${phase(now())}`), 30000);
const all = Promise.all([outage(), ...Array.from({ length: CONNECTIONS }, reader), ...EDITORS.map(editor)]);
const late = await Promise.race([all.then(() => false), new Promise((r) => setTimeout(() => r(true), (SECONDS + 60) * 1000))]);
clearInterval(progress);
if (late) console.error('soak: some loops had not ended 60 s after the end; reporting what was measured');
clearInterval(memTimer);
sampleMemory();
console.log([...report(), ...verifyEdits()].join('\n'));
process.exit(0);
