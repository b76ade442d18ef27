// The viewer's entry point: builds the scene and wires the panels, search, time slider,
// measurement and analysis tools. window.__city exposes the state to the end-to-end tests.
import { BoundingSphere, Cartesian3, Cartographic, Math as CesiumMath, ScreenSpaceEventType } from 'cesium';
import { getJson } from './api.js';
import { AnalysisTools } from './analysis.js';
import { installBrdfLut } from './brdf.js';
import { isDrawing, worldPosition, cancelDrawing } from './draw.js';
import { InfoPanel, bboxOf, fetchFeature, queryFeatures, tileProperties } from './features.js';
import { LAYER_TITLES, applyI18n, setCatalog, getLang, onLang, pick, setLang, t } from './i18n.js';
import { LayerTree, el } from './layers.js';
import { Measurer } from './measure.js';
import {
  DEFAULT_EXTENT, createViewer, flyToPoint, groundAt, keyboardCamera, loadTerrain, setUnderground, setViewGround, terrainHeight,
  viewExtent, viewExtentDegrees, viewSphere, wmtsLayer,
} from './scene.js';
import { FirstView } from './firstview.js';
import { TilesetManager, catalogTilesets, num, prop } from './tilesets.js';

const t0 = 0; // performance.now() counts from the navigation start
const $ = (id) => document.getElementById(id);
const status = (text) => { $('status-msg').textContent = text; };

const city = {
  timings: {},
  ready: false, readyMs: null, firstFrameMs: null, layers: [], extent: DEFAULT_EXTENT, asOf: null, errors: [], picked: null, search: null,
};
window.__city = city;

applyI18n(document);
const container = $('cesium');
const viewer = createViewer(container);
city.viewer = viewer;
viewExtent(viewer, DEFAULT_EXTENT, 0);

// ---- layers, imagery ---------------------------------------------------------------------------
let counts = {};
const imagery = { base: viewer.imageryLayers.get(0), road: null, parcel: null };
function addWms() {
  for (const k of ['parcel', 'road']) if (imagery[k]) viewer.imageryLayers.remove(imagery[k]);
  const wanted = tree ? tree.state : { parcelWms: true, road: true };
  imagery.parcel = wmtsLayer(viewer, 'zoning_parcel', city.extent, city.asOf, { alpha: 0.55 });
  imagery.parcel.show = wanted.parcelWms;
  imagery.road = wmtsLayer(viewer, 'road', city.extent, city.asOf);
  imagery.road.show = wanted.road;
  for (const [name, layer] of coverage) {
    if (layer) viewer.imageryLayers.remove(layer);
    coverage.set(name, coverageShown.has(name) ? addCoverage(name) : null);
  }
  for (const [name, layer] of rasters) {
    if (layer) viewer.imageryLayers.remove(layer);
    rasters.set(name, rasterShown.has(name) ? addRaster(name) : null);
  }
}
// Raster imagery of the catalog (the orthophoto, DOM) as opaque WMTS layers just above the base
// map, each added only while its toggle is on: name → layer.
const rasters = new Map();
const rasterShown = new Set();
function addRaster(name) {
  const layer = wmtsLayer(viewer, name, city.extent, city.asOf, { alpha: 1 });
  viewer.imageryLayers.lowerToBottom(layer);
  viewer.imageryLayers.raise(layer);
  return layer;
}
// Base-station coverage rasters of the catalog (coverage_<operator>_<band>: best-server RSRP in dBm
// classes) as WMTS overlays on the maps, each added only while its toggle is on: name → layer.
const coverage = new Map();
const coverageShown = new Set();
function addCoverage(name) {
  // The WLAN layer is styled by RSSI (its WMTS styles: rssi, snr), the cellular ones by RSRP.
  return wmtsLayer(viewer, name, city.extent, city.asOf, { alpha: 0.6, style: name.endsWith('_wlan') ? 'rssi' : 'rsrp' });
}
const imageryControl = {
  show(which, v) {
    if (which === 'base') { if (viewer.imageryLayers.get(0)) viewer.imageryLayers.get(0).show = v; } else if (imagery[which]) imagery[which].show = v;
    else {
      const [layers, shown, add] = coverage.has(which) ? [coverage, coverageShown, addCoverage] : [rasters, rasterShown, addRaster];
      if (!layers.has(which)) return;
      if (v) shown.add(which); else shown.delete(which);
      if (layers.get(which)) layers.get(which).show = v;
      else if (v && imagery.road) layers.set(which, add(which)); // else with the maps, after the first view
    }
    viewer.scene.requestRender();
  },
  coverage: () => [...coverage.keys()],
  rasters: () => [...rasters.keys()],
  shown: (name) => coverageShown.has(name) || rasterShown.has(name),
};

city.imagery = imageryControl;
const tilesets = new TilesetManager(viewer, {
  onOwners: (owners) => tree.setOwners(owners),
  onStatus: () => { city.tilesets = tilesets.summary(); },
});
city.tilesetManager = tilesets;
const tree = new LayerTree($('layer-tree'), { tilesets, imagery: imageryControl, counts });
tree.render();

function unionExtent(layers, filter) {
  let e = null;
  for (const l of layers) {
    if (!filter(l) || !l.extent || l.count === 0) continue;
    e = e ? [Math.min(e[0], l.extent[0]), Math.min(e[1], l.extent[1]), Math.max(e[2], l.extent[2]), Math.max(e[3], l.extent[3])] : [...l.extent];
  }
  return e;
}

const mark = (name) => { city.timings[name] = Math.round(performance.now() - t0); };
mark('viewer');
// Frames drawn before the first view: [start ms since navigation, duration ms] (profiling).
city.frames = [];
let frameStart = 0;
viewer.scene.preRender.addEventListener(() => { frameStart = performance.now(); });
viewer.scene.postRender.addEventListener(() => {
  if (city.firstFrameMs === null && city.frames.length < 500) city.frames.push([Math.round(frameStart - t0), Math.round(performance.now() - frameStart)]);
});
// `firstFrameMs`: the frame whose commands include tiles of all six pipe networks (firstview.js).
city.firstView = new FirstView(viewer, tilesets, (ms, allSix) => {
  if (allSix) { city.firstFrameMs = ms - t0; mark('firstFrame'); }
  afterFirstView();
}, (id) => counts[tilesets.entries.get(id).cfg.layer] !== 0);

/**
 * The home view: the pipe tilesets' roots (their public boundingSphere, in the tiles' own heights)
 * place it, so the first view waits neither for the layer catalog nor for a terrain tile; without
 * any pipe tileset, the catalog's extent. Extents are then viewed at the height of the spheres' centre.
 */
async function placeHome(pipeTilesets, catalog) {
  if (pipeTilesets.length) {
    city.homeSphere = BoundingSphere.fromBoundingSpheres(pipeTilesets.map((t) => t.boundingSphere));
    setViewGround(Cartographic.fromCartesian(city.homeSphere.center).height);
  } else {
    await catalog;
    city.homeSphere = null;
  }
  city.home();
}

/** The layer catalog (and the registered tilesets): names, counts, extents, optional tilesets, rasters. */
async function loadCatalog() {
  try {
    const [layers, tilesetList] = await Promise.all([getJson('api/layers'), getJson('3dtiles').catch(() => [])]);
    city.layers = layers;
    mark('layers');
    counts = Object.fromEntries(city.layers.map((l) => [l.name, l.count]));
    setCatalog(city.layers);
    tilesets.addEntries(catalogTilesets(city.layers, tilesetList));
    for (const l of city.layers) {
      if (l.kind !== 'raster') continue;
      if (l.name.startsWith('coverage_')) { if (!coverage.has(l.name)) coverage.set(l.name, null); } else if (!rasters.has(l.name)) rasters.set(l.name, null);
    }
    tree.setCounts(counts);
    const pipes = unionExtent(city.layers, (l) => l.name.startsWith('pipe_'));
    const all = unionExtent(city.layers, () => true);
    city.extent = all || DEFAULT_EXTENT;
    city.home_ = pipes || all || DEFAULT_EXTENT;
  } catch (e) {
    console.warn('layer catalog unavailable', e);
    city.home_ = DEFAULT_EXTENT;
  }
}

async function init() {
  // The tilesets' roots, the layer catalog and the PBR lookup table load at once; the height mode
  // of the tiles follows the terrain (absolute heights on the DEM, else ground-relative), so the
  // roots are asked for once /terrain/layer.json has answered (or failed). The pipes join the
  // scene once their roots have placed the camera and the table is set.
  const terrain = loadTerrain(viewer).then((on) => { city.terrain = on; tilesets.absolute = on; mark('terrain'); });
  const catalog = loadCatalog();
  const lut = installBrdfLut(viewer.scene).catch((e) => console.warn('PBR lookup table computed by Cesium:', e.message));
  setUnderground(viewer, $('underground-on').checked, Number($('ground-alpha').value));
  const roots = terrain.then(() => tilesets.loadAll(async (pipeTilesets) => {
    await placeHome(pipeTilesets, catalog);
    await lut;
    status(t('loading'));
  }));
  await Promise.all([roots, catalog]);
  mark('tilesetRoots');
  waitReady();
}

/** After the first view (or once all is loaded without one): the WMS maps and the operators list,
 * which the pipes' first tiles need not wait for. */
let afterFirstViewDone = false;
function afterFirstView() {
  if (afterFirstViewDone) return;
  afterFirstViewDone = true;
  if (!imagery.road) addWms();
  analysis.loadOperators();
}

/** Marks `readyMs` (ms since navigation) when every shown tileset has loaded all the tiles the view needs. */
function waitReady() {
  const check = () => {
    if (tilesets.allLoaded()) {
      afterFirstView();
      viewer.scene.postRender.removeEventListener(check);
      if (!city.ready) { city.ready = true; if (city.readyMs === null) { city.readyMs = Math.round(performance.now() - t0); mark('ready'); } }
      const missing = [...tilesets.entries.values()].filter((e) => !e.tileset).length;
      status(missing ? `${t('ready')} · ${t('tilesetMissing')} (${missing})` : `${t('ready')} · ${t('tilesLoaded')}`);
      city.tilesets = tilesets.summary();
    }
  };
  viewer.scene.postRender.addEventListener(check);
  viewer.scene.requestRender();
}

// ---- underground -------------------------------------------------------------------------------
const alphaInput = $('ground-alpha');
const applyUnderground = () => {
  $('ground-alpha-out').textContent = Number(alphaInput.value).toFixed(2);
  setUnderground(viewer, $('underground-on').checked, Number(alphaInput.value));
};
alphaInput.addEventListener('input', applyUnderground);
$('underground-on').addEventListener('change', applyUnderground);

// ---- time slider (asOf) ------------------------------------------------------------------------
const FIRST_YEAR = 2000;
const LAST_YEAR = 2035;
const slider = $('time-slider');
slider.max = String((LAST_YEAR - FIRST_YEAR + 1) * 12 - 1);
const now = new Date();
slider.value = String((now.getUTCFullYear() - FIRST_YEAR) * 12 + now.getUTCMonth());
const sliderDate = () => {
  const i = Number(slider.value);
  return `${FIRST_YEAR + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};
let timeTimer = null;
async function applyTime() {
  const asOf = $('time-now').checked ? null : sliderDate();
  slider.disabled = $('time-now').checked;
  $('time-out').textContent = asOf ? `${t('timeAt')} ${asOf}` : t('timeNow');
  if (asOf === city.asOf) return;
  city.asOf = asOf;
  city.timeReloading = true;
  status(t('loading'));
  addWms();
  await tilesets.setAsOf(asOf);
  city.timeReloading = false;
  city.ready = false;
  waitReady();
}
slider.addEventListener('input', () => {
  $('time-out').textContent = `${t('timeAt')} ${sliderDate()}`;
  clearTimeout(timeTimer);
  timeTimer = setTimeout(applyTime, 350);
});
$('time-now').addEventListener('change', applyTime);
$('time-out').textContent = t('timeNow');
city.setAsOf = async (date) => {
  if (date) {
    const [y, mo] = date.split('-').map(Number);
    slider.value = String((y - FIRST_YEAR) * 12 + (mo - 1));
    $('time-now').checked = false;
  } else $('time-now').checked = true;
  await applyTime();
};

// ---- picking → attributes ----------------------------------------------------------------------
const info = new InfoPanel({ panel: $('info-panel'), body: $('info-body'), title: $('info-title'), fly: $('info-fly'), close: $('info-close') });
$('info-close').addEventListener('click', () => tilesets.select(null));
$('info-fly').addEventListener('click', () => { if (info.current && info.current.geometry) flyToBbox(bboxOf(info.current.geometry)); });

const PICK_ORDER = ['points', 'pipe_js', 'pipe_ps', 'pipe_rq', 'pipe_rl', 'pipe_dl', 'pipe_tx', 'stations', 'parcels'];

/** The 3D Tiles feature under a window position: { layer, fid, feature, entry } or null.
 * Pipes and their points win over the translucent parcel envelopes and towers in front of them. */
function pickFeature(position) {
  let best = null;
  let bestRank = Infinity;
  for (const picked of viewer.scene.drillPick(position, 6)) {
    const entry = tilesets.entryOf(picked);
    if (!entry || entry.cfg.external) continue;
    const rank = PICK_ORDER.includes(entry.cfg.id) ? PICK_ORDER.indexOf(entry.cfg.id) : PICK_ORDER.length;
    if (rank < bestRank) { best = { picked, entry }; bestRank = rank; }
  }
  if (!best) return null;
  const { picked, entry } = best;
  let layer = entry.cfg.layer;
  const network = prop(picked, 'network');
  if (layer.startsWith('pipe_') && layer !== 'pipe_point' && network) layer = 'pipe_' + String(network).toLowerCase();
  if (layer === 'base_station' && prop(picked, 'sector_no') !== undefined) layer = 'antenna_sector';
  if (prop(picked, 'pipe_ids') !== undefined) layer = 'fitting';
  const fid = num(prop(picked, 'feature_id'));
  return { layer, fid, feature: picked, entry };
}

async function showFeature(layer, fid, tileProps, tileset) {
  const layerTitle = () => pick(LAYER_TITLES[layer]) || layer;
  tilesets.select(fid, tileset);
  info.show(layerTitle, fid, tileProps || {}, null, 'tile', layer);
  city.picked = { layer, fid, source: 'tile', properties: tileProps };
  if (layer === 'fitting' || fid === undefined || fid === null) return;
  try {
    const f = await fetchFeature(layer, fid, city.asOf);
    const props = { ...(f.properties || {}) };
    info.show(layerTitle, f.id ?? fid, props, f.geometry, 'ogcapi', layer);
    city.picked = { layer, fid, source: 'ogcapi', properties: props, geometry: f.geometry };
  } catch (e) {
    console.warn('attributes from the tile only', layer, fid, e.message);
  }
}

viewer.cesiumWidget.screenSpaceEventHandler.setInputAction((ev) => {
  if (isDrawing() || analysis.picking) return;
  container.focus({ preventScroll: true });
  const hit = pickFeature(ev.position);
  if (!hit) { tilesets.select(null); info.hide(); city.picked = null; return; }
  showFeature(hit.layer, hit.fid, tileProperties(hit.feature), hit.feature.tileset);
}, ScreenSpaceEventType.LEFT_CLICK);

// Coordinates of the pointer in the status bar.
let lastMove = 0;
viewer.cesiumWidget.screenSpaceEventHandler.setInputAction((ev) => {
  const tNow = performance.now();
  if (tNow - lastMove < 100) return;
  lastMove = tNow;
  const p = worldPosition(viewer, ev.endPosition, true);
  if (!p) return;
  const c = Cartographic.fromCartesian(p);
  $('coords').textContent = `${CesiumMath.toDegrees(c.longitude).toFixed(6)}°E ${CesiumMath.toDegrees(c.latitude).toFixed(6)}°N`;
}, ScreenSpaceEventType.MOUSE_MOVE);

function flyToBbox(b) {
  if (!b) return;
  if (b[2] - b[0] < 1e-5 && b[3] - b[1] < 1e-5) flyToPoint(viewer, b[0], b[1], terrainHeight(viewer.scene, b[0], b[1]), 80);
  else {
    const pad = Math.max(b[2] - b[0], b[3] - b[1]) * 0.2 + 0.0003;
    viewExtent(viewer, [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]);
  }
}

// ---- search ------------------------------------------------------------------------------------
const SEARCH = {
  exp_no: { layer: 'pipe_point', filter: (q) => `exp_no LIKE '${q}%'`, label: (p) => `${p.exp_no} ${p.appurtenance || p.feature || ''}` },
  road: { layer: 'road', filter: (q) => `name LIKE '%${q}%'`, label: (p) => `${p.name} ${p.road_class || ''}` },
  site_code: { layer: 'base_station', filter: (q) => `site_code LIKE '%${q}%' OR site_name LIKE '%${q}%'`, label: (p) => `${p.site_code} ${p.site_name || ''}` },
  parcel_code: { layer: 'zoning_parcel', filter: (q) => `parcel_code LIKE '%${q}%'`, label: (p) => `${p.parcel_code} ${p.land_use_code || ''} ${p.land_use_name || ''}` },
};

function guessKinds(q) {
  if (/路|街|道|大道|快速/.test(q)) return ['road'];
  if (/^(JS|PS|RQ|RL|DL|TX)\d/i.test(q)) return ['exp_no'];
  return ['exp_no', 'site_code', 'parcel_code', 'road'];
}

async function search(q, kind) {
  q = q.trim().replace(/'/g, "''");
  if (!q) return [];
  const kinds = kind === 'auto' ? guessKinds(q) : [kind];
  const results = [];
  await Promise.all(kinds.map(async (k) => {
    const s = SEARCH[k];
    try {
      const fc = await queryFeatures(s.layer, s.filter(k === 'exp_no' ? q.toUpperCase() : q), 20, city.asOf ? { datetime: city.asOf } : {});
      for (const f of fc.features || []) results.push({ kind: k, layer: s.layer, id: f.id, label: s.label(f.properties || {}), feature: f });
    } catch (e) { console.warn('search', k, e.message); }
  }));
  return results;
}

$('search-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const q = $('search-input').value;
  const results = await search(q, $('search-kind').value);
  city.search = results.map((r) => ({ kind: r.kind, layer: r.layer, id: r.id, label: r.label }));
  const box = $('search-results');
  box.textContent = '';
  $('search-panel').hidden = false;
  if (results.length === 0) { box.append(el('p', { class: 'muted', text: t('searchNone') })); return; }
  const ol = el('ol', {});
  results.forEach((r) => {
    const go = () => {
      flyToBbox(bboxOf(r.feature.geometry));
      info.show(() => pick(LAYER_TITLES[r.layer]) || r.layer, r.id, r.feature.properties || {}, r.feature.geometry, 'ogcapi', r.layer);
      tilesets.select(r.id, (tilesets.entryForLayer(r.layer) || {}).tileset);
      city.picked = { layer: r.layer, fid: r.id, source: 'search', properties: r.feature.properties };
    };
    ol.append(el('li', {}, el('button', { type: 'button', class: 'row', text: `${pick(LAYER_TITLES[r.layer]) || r.layer} · ${r.label}`, onclick: go })));
  });
  box.append(ol);
  ol.querySelector('button').click();
});
$('search-close').addEventListener('click', () => { $('search-panel').hidden = true; });

// ---- measurement and analysis --------------------------------------------------------------------
const measurer = new Measurer(viewer, status);
city.measurer = measurer;
for (const b of document.querySelectorAll('[data-tool]')) {
  b.addEventListener('click', () => {
    if (b.dataset.tool === 'clear') { cancelDrawing(); measurer.clear(); analysis.clear(); status(''); return; }
    measurer.run(b.dataset.tool);
  });
}

const analysis = new AnalysisTools({
  viewer, tilesets, pickFeature, flyToBbox,
  asOf: () => city.asOf,
  viewExtent: () => viewExtentDegrees(viewer, city.home_ || city.extent),
  showCoverage: (name) => { if (coverage.has(name) && !coverageShown.has(name)) { imageryControl.show(name, true); tree.render(); } },
});
city.analysis = analysis;

// ---- language, keyboard, home ----------------------------------------------------------------
$('lang-btn').addEventListener('click', () => setLang(getLang() === 'en' ? 'zh' : 'en'));
onLang(() => {
  tree.render();
  info.render();
  if (analysis.tool) analysis.open(analysis.tool);
  $('time-out').textContent = city.asOf ? `${t('timeAt')} ${city.asOf}` : t('timeNow');
});
/** Back to the home view (placeHome); `duration` s of flight. */
const goHome = (duration) => (city.homeSphere ? viewSphere(viewer, city.homeSphere, duration) : viewExtent(viewer, city.home_ || DEFAULT_EXTENT, duration));
$('home-btn').addEventListener('click', () => goHome());
document.addEventListener('keydown', (ev) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName);
  if (ev.key === '/' && !typing) { ev.preventDefault(); $('search-input').focus(); }
  if ((ev.key === 'h' || ev.key === 'H') && !typing && !ev.ctrlKey && !ev.metaKey) goHome();
  if (ev.key === 'Escape' && !isDrawing()) { info.hide(); tilesets.select(null); }
});
keyboardCamera(viewer, container);
container.title = t('keyboardHelp');

// Test hooks: fly to a place immediately, pick at a window position, count loaded features.
city.Cesium = { Cartesian3 };
city.groundAt = (lon, lat) => groundAt(viewer, lon, lat);
city.home = () => goHome(0);
city.featureCount = () => tilesets.featureCount();
city.bboxOfResult = () => {
  const items = analysis.current ? analysis.current.items : [];
  let b = null;
  for (const it of items) {
    const x = bboxOf(it.geometry);
    if (x) b = b ? [Math.min(b[0], x[0]), Math.min(b[1], x[1]), Math.max(b[2], x[2]), Math.max(b[3], x[3])] : x;
  }
  return b;
};
city.flyToBbox = flyToBbox;
city.jumpTo = (lon, lat, h, range, heading = 0, pitch = -60) => flyToPoint(viewer, lon, lat, h, range, 0, heading, pitch);
city.pickAt = (x, y) => pickFeature({ x, y });
city.showFeature = showFeature;
city.whenIdle = () => new Promise((resolve) => {
  const check = () => { if (tilesets.allLoaded()) { viewer.scene.postRender.removeEventListener(check); resolve(true); } };
  viewer.scene.postRender.addEventListener(check);
  viewer.scene.requestRender();
});
// The globe's tilesLoaded describes the last frame's update: read right after a change (an imagery
// layer added) it is still the old frame's `true`. Judged in postRender, of frames drawn after the call.
city.whenGlobeLoaded = () => new Promise((resolve) => {
  const check = () => {
    if (viewer.scene.globe.tilesLoaded && tilesets.allLoaded()) { viewer.scene.postRender.removeEventListener(check); resolve(true); } else viewer.scene.requestRender();
  };
  viewer.scene.postRender.addEventListener(check);
  viewer.scene.requestRender();
});

init().catch((e) => { city.errors.push(String(e)); console.warn(e); });
