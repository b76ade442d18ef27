// The coordination analyses of /api/analysis: clearance, excavation, cross-section, valve
// isolation, trench sharing and tower co-location. Each tool collects its input (form, drawing,
// picking), calls the server, draws its answer in 3D and lists it; results export as GeoJSON/CSV.
import {
  Cartesian3, ClippingPlane, ClippingPlaneCollection, ClippingPolygon, ClippingPolygonCollection, Color,
  ColorMaterialProperty, CustomDataSource, Cartesian2, LabelStyle, Math as CesiumMath, Matrix4, PolygonHierarchy,
  ScreenSpaceEventHandler, ScreenSpaceEventType, Transforms, VerticalOrigin, BoundingSphere, HeadingPitchRange,
} from 'cesium';
import { getJson, getText, postJson, runJob, url, HttpError } from './api.js';
import { draw, toDegrees, worldPosition, cancelDrawing } from './draw.js';
import { LAYER_TITLES, NETWORKS, field, pick, t } from './i18n.js';
import { el } from './layers.js';
import { download, toCsv, toGeoJson } from './export.js';
import { bboxOf } from './features.js';
import { planArea } from './measure.js';
import { terrainHeight } from './scene.js';

const RED = Color.fromCssColorString('#ff2a2a');
const ORANGE = Color.fromCssColorString('#ff9f1a');
const YELLOW = Color.fromCssColorString('#ffe600');
const CYAN = Color.fromCssColorString('#00e5ff');
const VIOLET = Color.fromCssColorString('#c061ff');
const OPERATOR_NAMES = { CMCC: ['中国移动', 'China Mobile'], CUCC: ['中国联通', 'China Unicom'], CTCC: ['中国电信', 'China Telecom'], CBN: ['中国广电', 'China Broadnet'] };

function layerTitle(name) { return pick(LAYER_TITLES[name]) || name; }
function pct(v) { return v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)} %`; }

/** Coverage KPI shares by district (rows) and operator-band layer (columns), all land-use classes. */
function kpiTable(kpis) {
  const rows = kpis.filter((k) => k.landUseClass === 'all');
  const layers = [...new Set(rows.map((k) => k.layer))];
  const districts = [...new Set(rows.map((k) => k.district))].sort((a, b) => (a === 'all') - (b === 'all') || String(a).localeCompare(String(b)));
  const table = el('table', { class: 'kpi', id: 'kpi-table' });
  const head = el('tr', {}, el('th', { text: t('district') }));
  for (const l of layers) head.append(el('th', { text: layerTitle(l) }));
  table.append(head);
  for (const d of districts) {
    const tr = el('tr', {}, el('th', { text: d === 'all' ? t('total') : d }));
    for (const l of layers) {
      const k = rows.find((x) => x.layer === l && x.district === d);
      tr.append(el('td', { class: k && !k.met ? 'unmet' : '', text: k ? pct(k.share) : '—' }));
    }
    table.append(tr);
  }
  return table;
}

function netLabel(code) { return NETWORKS[code] ? `${pick(NETWORKS[code])}` : (code || ''); }
function m(v, d = 2) { return v === null || v === undefined ? '—' : `${Number(v).toFixed(d)} m`; }

/** Positions `h` metres above the ground (the terrain, or the ellipsoid without a DEM) of a
 * GeoJSON geometry's coordinates. */
function flatPositions(scene, coords, h = 0.3) {
  return coords.map((c) => Cartesian3.fromDegrees(c[0], c[1], h + terrainHeight(scene, c[0], c[1])));
}

export class AnalysisTools {
  constructor(app) {
    this.app = app; // { viewer, tilesets, status, asOf(), viewExtent(), info }
    this.viewer = app.viewer;
    this.source = new CustomDataSource('analysis');
    this.viewer.dataSources.add(this.source);
    this.form = document.getElementById('tool-form');
    this.statusEl = document.getElementById('tool-status');
    this.panel = document.getElementById('result-panel');
    this.current = null; // { tool, answer, items, title }
    this.last = {}; // tool → the answer on show, or { error } (tests read it)
    document.getElementById('result-close').addEventListener('click', () => this.clear());
    document.getElementById('export-geojson').addEventListener('click', () => this.export('geojson'));
    document.getElementById('export-csv').addEventListener('click', () => this.export('csv'));
    for (const b of document.querySelectorAll('[data-analysis]')) {
      b.addEventListener('click', () => this.open(b.dataset.analysis));
    }
  }

  /** Operators seen in the antenna sectors (OGC API), the big three until they are known. */
  operators() {
    const codes = this.operatorCodes && this.operatorCodes.length ? this.operatorCodes : ['CMCC', 'CUCC', 'CTCC'];
    return codes.map((code) => ({ code, label: OPERATOR_NAMES[code] ? `${pick(OPERATOR_NAMES[code])} (${code})` : code }));
  }

  async loadOperators() {
    try {
      const fc = await getJson('ogcapi/collections/antenna_sector/items', { limit: 1000 }, { headers: { Accept: 'application/geo+json, application/json' } });
      const set = new Set((fc.features || []).map((f) => f.properties && f.properties.operator).filter(Boolean));
      if (set.size) this.operatorCodes = [...set].sort();
      if (this.tool === 'colocation') this.open('colocation');
    } catch (e) { console.warn('operators', e.message); }
  }

  say(text, cls = '') { this.statusEl.textContent = text; this.statusEl.className = cls; }

  /** Opens the form of a tool. */
  open(tool) {
    cancelDrawing();
    for (const b of document.querySelectorAll('[data-analysis]')) b.setAttribute('aria-pressed', String(b.dataset.analysis === tool));
    this.tool = tool;
    this.form.textContent = '';
    this.form.dataset.tool = tool;
    const f = this.form;
    const run = (label, fn) => el('button', { type: 'button', class: 'primary', id: `run-${tool}`, text: label, onclick: fn });
    const input = (id, labelKey, attrs) => el('label', { for: id }, el('span', { text: t(labelKey) }), el('input', { id, ...attrs }));
    const networkSelect = (id) => {
      const s = el('select', { id }, el('option', { value: '', text: t('allNetworks') }));
      for (const [code, n] of Object.entries(NETWORKS)) s.append(el('option', { value: code, text: `${pick(n)} ${code}` }));
      return el('label', { for: id }, el('span', { text: t('network') }), s);
    };
    if (tool === 'clearance') {
      const scope = el('select', { id: 'clr-scope' }, el('option', { value: 'view', text: t('scopeView') }), el('option', { value: 'road', text: t('scopeRoad') }));
      f.append(el('label', { for: 'clr-scope' }, el('span', { text: t('scope') }), scope),
        input('clr-road', 'roadName', { type: 'text', list: 'road-names' }), networkSelect('clr-network'),
        run(t('run'), () => this.clearance({
          scope: scope.value, road: document.getElementById('clr-road').value, network: document.getElementById('clr-network').value,
        })));
    } else if (tool === 'excavation') {
      f.append(input('exc-depth', 'depth', { type: 'number', min: '0.1', max: '30', step: '0.1', value: '3' }),
        run(t('drawPolygon'), () => this.excavation({ depth: Number(document.getElementById('exc-depth').value) })));
    } else if (tool === 'section') {
      f.append(run(t('drawLine'), () => this.section({})));
    } else if (tool === 'valve') {
      f.append(run(t('pickPipe'), () => this.valve({})));
    } else if (tool === 'trench') {
      f.append(run(t('run'), () => this.trench({})));
    } else if (tool === 'colocation') {
      const s = el('select', { id: 'col-operator' });
      for (const o of this.operators()) s.append(el('option', { value: o.code, text: o.label }));
      f.append(el('label', { for: 'col-operator' }, el('span', { text: t('operator') }), s),
        input('col-height', 'antennaHeight', { type: 'number', min: '5', max: '100', step: '1', value: '30' }),
        run(t('pickPoint'), () => this.colocation({ operator: s.value, antennaHeight: Number(document.getElementById('col-height').value) })));
    } else if (tool === 'coverage') {
      f.append(input('cov-min-hole', 'minHoleArea', { type: 'number', min: '0', max: '10000000', step: '100', value: '2500' }),
        run(t('run'), () => this.coverageKpi({ minHoleArea: Number(document.getElementById('cov-min-hole').value) })));
    }
    this.say('');
    const first = f.querySelector('input, select, button');
    if (first) first.focus();
  }

  async call(tool, fn) {
    this.say(t('running'), 'busy');
    try {
      const answer = await fn();
      this.say('');
      return answer;
    } catch (e) {
      const msg = e instanceof HttpError && (e.status === 404 || e.status === 405) ? t('notAvailable') : `${t('failed')}: ${e.message}`;
      this.say(msg, 'error');
      this.last[tool] = { error: msg };
      console.warn('analysis', tool, e);
      return null;
    }
  }

  clear() {
    this.source.entities.removeAll();
    this.app.tilesets.clearHighlights();
    this.viewer.scene.globe.clippingPolygons = undefined;
    this.viewer.scene.globe.clippingPlanes = undefined;
    this.panel.hidden = true;
    this.current = null;
    this.hole = null;
    document.getElementById('result-detail').textContent = '';
    this.viewer.scene.requestRender();
  }

  // ---- drawing helpers --------------------------------------------------------------------

  /** Draws a GeoJSON geometry `height` metres above the ground. */
  drawGeometry(geometry, color, { label, width = 4, pixelSize = 12, height = 0.3 } = {}) {
    if (!geometry) return;
    const { scene } = this.viewer;
    const add = (g) => {
      if (g.type === 'Point') {
        this.source.entities.add({
          position: Cartesian3.fromDegrees(g.coordinates[0], g.coordinates[1], height + terrainHeight(scene, g.coordinates[0], g.coordinates[1])),
          point: { pixelSize, color, outlineColor: Color.BLACK, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
          label: label ? {
            text: label, font: '13px sans-serif', style: LabelStyle.FILL_AND_OUTLINE, outlineWidth: 3, outlineColor: Color.BLACK,
            fillColor: Color.WHITE, verticalOrigin: VerticalOrigin.BOTTOM, pixelOffset: new Cartesian2(0, -12),
            disableDepthTestDistance: Number.POSITIVE_INFINITY, scaleByDistance: undefined,
          } : undefined,
        });
      } else if (g.type === 'LineString') {
        this.source.entities.add({ polyline: { positions: flatPositions(scene, g.coordinates, height), width, material: color, depthFailMaterial: color } });
      } else if (g.type === 'Polygon') {
        const ring = flatPositions(scene, g.coordinates[0], height);
        this.source.entities.add({ polyline: { positions: ring, width: 2, material: color, depthFailMaterial: color } });
        this.source.entities.add({ polygon: { hierarchy: new PolygonHierarchy(ring), material: color.withAlpha(0.25), perPositionHeight: true } });
      } else if (g.type.startsWith('Multi')) {
        const single = g.type.slice(5);
        for (const c of g.coordinates) add({ type: single, coordinates: c });
      } else if (g.type === 'GeometryCollection') {
        for (const x of g.geometries) add(x);
      }
    };
    add(geometry);
  }

  flyToGeometry(geometry) {
    const b = bboxOf(geometry);
    if (b) this.app.flyToBbox(b);
  }

  /**
   * Shows a result: title, summary lines, list rows (each {text, geometry} flying to the geometry,
   * or {text, action}), an optional chart (SVG text or an element).
   */
  show(tool, title, answer, items, summary, rows, svg) {
    this.current = { tool, title, answer, items };
    this.last[tool] = answer; // once shown: the tests wait for it, then read the panel
    this.panel.hidden = false;
    this.panel.dataset.tool = tool;
    document.getElementById('result-title').textContent = title;
    const sum = document.getElementById('result-summary');
    sum.textContent = '';
    for (const line of summary) sum.append(el('p', { text: line }));
    const chart = document.getElementById('result-chart');
    chart.textContent = '';
    document.getElementById('result-detail').textContent = '';
    if (svg instanceof Element) chart.append(svg);
    else if (svg) {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const root = doc.documentElement;
      if (root && root.nodeName.toLowerCase() === 'svg') {
        root.setAttribute('role', 'img');
        root.setAttribute('aria-label', title);
        chart.append(document.importNode(root, true));
      }
    }
    const list = document.getElementById('result-list');
    list.textContent = '';
    const ol = el('ol', {});
    rows.forEach((r, i) => {
      const b = el('button', { type: 'button', class: 'row', 'data-index': String(i), text: r.text, onclick: () => { if (r.action) r.action(); else if (r.geometry) this.flyToGeometry(r.geometry); } });
      ol.append(el('li', {}, b));
    });
    list.append(ol);
    this.viewer.scene.requestRender();
  }

  export(kind) {
    const c = this.current;
    if (!c) return;
    const base = `${c.tool}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '')}`;
    if (kind === 'geojson') {
      download(`${base}.geojson`, JSON.stringify(toGeoJson(c.items, { name: c.title }), null, 1), 'application/geo+json');
    } else {
      download(`${base}.csv`, toCsv(c.items), 'text/csv');
    }
  }

  scopeParams() {
    const p = {};
    if (this.app.asOf()) p.asOf = this.app.asOf();
    return p;
  }

  // ---- the tools --------------------------------------------------------------------------

  /** Clearance (净距) over the current view or a road: violating pairs highlighted and listed. */
  async clearance({ scope = 'view', road = '', network = '' } = {}) {
    const params = { ...this.scopeParams(), network };
    if (scope === 'road' && road) params.road = road;
    else params.bbox = this.app.viewExtent().map((v) => v.toFixed(6)).join(',');
    const answer = await this.call('clearance', () => getJson('api/analysis/clearance', params));
    if (!answer) return null;
    this.clear();
    const items = answer.violations || [];
    const hl = [];
    const rows = items.map((v) => {
      hl.push([v.a.fid, RED], [v.b.fid, ORANGE]);
      this.drawGeometry(v.geometry, YELLOW, { label: `${m(v.measuredM)} < ${m(v.requiredM)}` });
      return {
        text: `${v.direction === 'vertical' ? t('vertical') : t('horizontal')} · ${netLabel(v.a.network)}#${v.a.fid} ↔ ${netLabel(v.b.network)}#${v.b.fid} · ${t('measured')} ${m(v.measuredM)} / ${t('required')} ${m(v.requiredM)}`,
        geometry: v.geometry,
      };
    });
    this.app.tilesets.highlight(hl);
    const rules = (answer.rulesUsed || []).map((r) => `${t('rule')}: ${r.sourceClause} (${r.value} ${r.unit}, ${r.confidence})`);
    this.show('clearance', t('toolClearance'), answer, items, [`${items.length} ${t('violations')}`, ...rules.slice(0, 4)], rows);
    return answer;
  }

  /** Excavation: draw a polygon, set a depth → the pit clipped into the ground and the affected list. */
  async excavation({ depth = 3, positions } = {}) {
    if (!positions) {
      this.say(t('hintPolygon'));
      positions = await draw(this.viewer, 'polygon', { color: ORANGE, preferGround: true });
      if (!positions) { this.say(''); return null; }
    }
    const ring = positions.map((p) => toDegrees(p).slice(0, 2));
    ring.push(ring[0]);
    const polygon = { type: 'Polygon', coordinates: [ring] };
    const params = { ...this.scopeParams(), depth };
    const answer = await this.call('excavation', () => postJson('api/analysis/excavation', { geometry: polygon, depth, asOf: params.asOf }));
    if (!answer) return null;
    this.clear();
    this.pit(positions, depth);
    const items = answer.hits || [];
    const hl = [];
    const rows = items.map((h) => {
      hl.push([h.fid, h.kind === 'pipe' ? RED : YELLOW]);
      if (h.kind !== 'pipe') this.drawGeometry(h.geometry, YELLOW, {});
      const size = h.kind === 'pipe' ? `${h.label || ''}` : h.label || '';
      return {
        text: `${netLabel(h.network)} #${h.fid} ${size}${h.lengthInPitM ? ` · ${m(h.lengthInPitM, 1)}` : ''} · ${h.ownerName || h.owner || ''}`,
        geometry: h.geometry,
      };
    });
    this.app.tilesets.highlight(hl);
    const summary = [
      `${t('area')} ${Number(answer.pitAreaM2).toFixed(1)} m² · ${t('depthShort')} ${answer.depthM} m · ${t('earthwork')} ${Number(answer.earthworkM3).toFixed(0)} m³`,
      `${t('affected')}: ${items.length}`,
      ...(answer.notify || []).map((c) => `${c.ownerName || c.owner || ''} ${c.phone || c.contact || ''}`.trim()),
      ...(answer.affected || []).map((a) => `${a.kind === 'station' ? t('searchSite') : t('searchParcel')} ${a.code} ${a.name || ''}`),
    ];
    this.show('excavation', t('toolExcavation'), answer, items, summary, rows);
    return answer;
  }

  /** The pit: the terrain clipped inside the polygon, earth walls from the ground down to the
   * depth below its lowest corner, and a floor. */
  pit(positions, depth) {
    const { scene } = this.viewer;
    const globe = scene.globe;
    const corners = positions.map((p) => { const [lon, lat] = toDegrees(p); return [lon, lat, terrainHeight(scene, lon, lat)]; });
    const ground = corners.map(([lon, lat, h]) => Cartesian3.fromDegrees(lon, lat, h));
    const floor = Math.min(...corners.map((c) => c[2])) - depth;
    if (ClippingPolygonCollection.isSupported(scene)) {
      globe.clippingPolygons = new ClippingPolygonCollection({ polygons: [new ClippingPolygon({ positions: ground })] });
    } else {
      globe.clippingPlanes = convexClippingPlanes(ground);
    }
    const wallColor = Color.fromCssColorString('#8a6a43');
    this.source.entities.add({
      wall: {
        positions: [...ground, ground[0]], maximumHeights: [...corners, corners[0]].map((c) => c[2]),
        minimumHeights: [...ground, ground[0]].map(() => floor), material: wallColor.withAlpha(0.5), outline: true, outlineColor: Color.BLACK,
      },
    });
    this.source.entities.add({ polygon: { hierarchy: new PolygonHierarchy(ground), height: floor, material: wallColor.withAlpha(0.45) } });
    this.source.entities.add({ polyline: { positions: [...ground, ground[0]].map((p) => p), width: 3, material: ORANGE, depthFailMaterial: ORANGE } });
    this.pitArea = planArea(ground);
    // Look into the pit from the side, so its walls and the cut pipes show.
    const sphere = BoundingSphere.fromPoints(ground);
    this.viewer.camera.flyToBoundingSphere(sphere, {
      offset: new HeadingPitchRange(CesiumMath.toRadians(30), CesiumMath.toRadians(-35), Math.max(30, sphere.radius * 3.2)), duration: 1,
    });
    this.viewer.scene.requestRender();
  }

  /** Cross-section: draw a line → the SVG chart and the crossed pipes. */
  async section({ positions } = {}) {
    if (!positions) {
      this.say(t('hintLine'));
      positions = await draw(this.viewer, 'line', { color: CYAN, preferGround: true });
      if (!positions) { this.say(''); return null; }
    }
    const line = positions.map((p) => toDegrees(p).slice(0, 2));
    const lineText = line.map((c) => c.map((v) => v.toFixed(7)).join(',')).join(',');
    const params = { ...this.scopeParams(), line: lineText };
    const answer = await this.call('section', async () => {
      const json = await getJson('api/analysis/cross-section', params);
      let svg = json.svg || null;
      if (!svg) {
        try { svg = await getText('api/analysis/cross-section', { ...params, f: 'svg' }, 'image/svg+xml'); } catch (e) { console.warn('section svg', e); }
      }
      return { ...json, svg };
    });
    if (!answer) return null;
    const { svg } = answer;
    this.clear();
    this.drawGeometry({ type: 'LineString', coordinates: line }, CYAN, { width: 3 });
    const items = answer.pipes || [];
    this.app.tilesets.highlight(items.map((p) => [p.fid, YELLOW]));
    const rows = items.map((p) => ({
      text: `${Number(p.chainageM).toFixed(1)} m · ${p.typeZh || netLabel(p.network)} #${p.fid} ${p.sizeMm ? (p.heightMm ? `${p.sizeMm}×${p.heightMm}` : `DN${p.sizeMm}`) : ''} · ${field('depth_m')[0]} ${p.groundM != null ? (p.groundM - p.topM).toFixed(2) + ' m' : '—'}`,
      geometry: p.geometry,
    }));
    this.show('section', t('toolSection'), answer, items, [`${t('distance')} ${Number(answer.lengthM).toFixed(1)} m · ${items.length} ${t('items')}`], rows, svg);
    return answer;
  }

  /** Picks one pipe feature id with a click (resolves null on Esc). */
  pickPipe() {
    return new Promise((resolve) => {
      const handler = new ScreenSpaceEventHandler(this.viewer.scene.canvas);
      this.picking = true;
      const done = (v) => { this.picking = false; handler.destroy(); document.removeEventListener('keydown', onKey, true); this.viewer.scene.canvas.style.cursor = ''; resolve(v); };
      const onKey = (ev) => { if (ev.key === 'Escape') done(null); };
      document.addEventListener('keydown', onKey, true);
      this.viewer.scene.canvas.style.cursor = 'crosshair';
      handler.setInputAction((ev) => {
        const hit = this.app.pickFeature(ev.position);
        if (hit && hit.layer.startsWith('pipe_') && hit.layer !== 'pipe_point') done(hit.fid);
      }, ScreenSpaceEventType.LEFT_CLICK);
    });
  }

  /** Valve isolation (关阀): click a pipe → valves to close and the isolated section highlighted. */
  async valve({ fid } = {}) {
    if (!fid) {
      this.say(t('hintPickPipe'));
      fid = await this.pickPipe();
      if (!fid) { this.say(''); return null; }
    }
    const answer = await this.call('valve', () => getJson('api/analysis/valve-isolation', { ...this.scopeParams(), fid }));
    if (!answer) return null;
    this.clear();
    const hl = [[answer.burstFid ?? fid, RED]];
    const rows = [];
    for (const s of answer.isolatedSegments || []) { hl.push([s.fid, ORANGE]); this.drawGeometry(s.geometry, ORANGE, { width: 3 }); }
    for (const v of answer.valvesToClose || []) {
      hl.push([v.fid, RED]);
      this.drawGeometry(v.geometry, RED, { label: v.label || `#${v.fid}`, pixelSize: 14 });
      rows.push({ text: `${t('valves')}: ${v.label || ''} #${v.fid}`, geometry: v.geometry });
    }
    for (const v of answer.inoperableValves || []) {
      this.drawGeometry(v.geometry, VIOLET, { pixelSize: 10 });
      rows.push({ text: `✕ ${v.label || ''} #${v.fid}`, geometry: v.geometry });
    }
    for (const s of answer.isolatedSegments || []) rows.push({ text: `${t('isolated')}: #${s.fid} ${s.label || ''}`, geometry: s.geometry });
    this.app.tilesets.highlight(hl);
    const items = [...(answer.valvesToClose || []), ...(answer.isolatedSegments || []), ...(answer.affectedPoints || [])];
    this.show('valve', t('toolValve'), answer, items, [
      `${t('valves')}: ${(answer.valvesToClose || []).length} · ${t('isolated')}: ${(answer.isolatedSegments || []).length} (${m(answer.isolatedLengthM, 0)})`,
      ...(answer.complete === false ? ['⚠ incomplete'] : []),
      ...(answer.parcelsServed || []).slice(0, 6).map((p) => `${t('searchParcel')} ${p.code} ${p.name || ''}`),
    ], rows);
    return answer;
  }

  /** Trench sharing (同沟共建): pairs of planned works that can share one trench. */
  async trench() {
    const params = this.scopeParams();
    const answer = await this.call('trench', () => getJson('api/analysis/trench-sharing', params));
    if (!answer) return null;
    this.clear();
    const items = answer.candidates || [];
    const rows = items.map((c) => {
      this.drawGeometry(c.geometry, VIOLET, { width: 5 });
      return {
        text: `${c.a.projectCode} ${c.a.name || ''} + ${c.b.projectCode} ${c.b.name || ''} · ${Number(c.sharedLengthM).toFixed(0)} m · ${c.overlapStart || ''}–${c.overlapEnd || ''}`,
        geometry: c.geometry,
      };
    });
    for (const d of answer.spareDucts || []) rows.push({ text: `${field('total_holes')[0]}: #${d.fid ?? ''} ${d.ownerName || d.owner || ''} ${d.spare ?? d.spareHoles ?? ''}`, geometry: d.geometry });
    this.show('trench', t('toolTrench'), answer, items, [`${items.length} ${t('items')} · ${m(answer.distanceM, 0)}`], rows);
    return answer;
  }

  /** Tower co-location (铁塔共址): click a site, pick an operator → candidates and the verdict. */
  async colocation({ operator = 'CMCC', antennaHeight = 30, lonLat } = {}) {
    if (!lonLat) {
      this.say(t('hintPickPoint'));
      const pts = await draw(this.viewer, 'point', { color: CYAN, preferGround: true });
      if (!pts) { this.say(''); return null; }
      lonLat = toDegrees(pts[0]).slice(0, 2);
    }
    const params = { ...this.scopeParams(), point: `${lonLat[0].toFixed(7)},${lonLat[1].toFixed(7)}`, operator, antennaHeight };
    const answer = await this.call('colocation', () => getJson('api/analysis/colocation', params));
    if (!answer) return null;
    this.clear();
    this.drawGeometry({ type: 'Point', coordinates: lonLat }, CYAN, { label: `${t('toolColocation')} · ${operator}`, pixelSize: 14 });
    const items = answer.candidates || [];
    const rows = items.map((c) => {
      const ok = c.canHost;
      this.drawGeometry(c.geometry, ok ? Color.LIME : RED, { label: `${c.siteCode} ${ok ? '✓' : '✕'}` });
      const failed = (c.checks || []).filter((k) => k.passed === false || k.ok === false).map((k) => k.name || k.check || k.id).filter(Boolean);
      return {
        text: `${ok ? '✓' : '✕'} ${c.siteCode} ${c.siteName || ''} · ${m(c.distanceM, 0)} · ${c.towerType || ''} ${m(c.towerHeightM, 0)}${failed.length ? ' · ' + failed.join(', ') : ''}`,
        geometry: c.geometry,
      };
    });
    const verdict = answer.verdict === 'share' ? t('verdictShare') : answer.verdict === 'new_tower' ? t('verdictNew') : String(answer.verdict || '');
    const reasons = (answer.reasons || []).map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
    this.show('colocation', t('toolColocation'), answer, items,
      [`${t('verdict')}: ${verdict}${answer.sharedSite ? ` (${answer.sharedSite})` : ''}`, ...reasons, `${t('candidates')}: ${items.length} · ${m(answer.searchRadiusM, 0)}`], rows);
    return answer;
  }

  /**
   * Coverage KPIs against the plan (the `coverage-kpi` job over the last coverage run): per operator
   * and band the share of built-up parcel area covered, in total and by district, against the
   * target; the holes of at least `minHoleArea` m² drawn and listed. A hole's row zooms to it and
   * lists the towers that could host a sector to fill it, in the server's rank (hole area covered).
   */
  async coverageKpi({ minHoleArea = 2500 } = {}) {
    const answer = await this.call('coverage', () => runJob('coverage-kpi', { minHoleArea },
      (p) => this.say(`${t('running')} ${p}%`, 'busy')));
    if (!answer) return null;
    this.clear();
    const features = answer.features || [];
    const kpis = features.filter((f) => f.properties.kind === 'kpi').map((f) => f.properties);
    const holes = features.filter((f) => f.properties.kind === 'hole');
    const totals = kpis.filter((k) => k.district === 'all' && k.landUseClass === 'all');
    const summary = totals.map((k) => `${layerTitle(k.layer)}: ${pct(k.share)} / ${t('target')} ${pct(k.targetShare)} ${k.met ? '✓' : '✕'}`);
    summary.push(`${t('holes')}: ${holes.length} (≥ ${minHoleArea} m², < ${totals.length ? totals[0].thresholdDbm : '—'} dBm)`);
    for (const h of holes) this.drawGeometry(h.geometry, RED, { height: 0.5 });
    const items = holes.map((h) => ({ geometry: h.geometry, ...h.properties }));
    const rows = holes.map((h) => {
      const p = h.properties;
      return {
        text: `${t('hole')} ${p.hole} · ${layerTitle(p.layer)} · ${Math.round(p.areaM2).toLocaleString()} m² · ${t('candidates')} ${p.candidates.length}`,
        action: () => this.selectHole(h),
      };
    });
    this.show('coverage', t('toolCoverage'), answer, items, summary, rows, kpiTable(kpis));
    const links = el('p', { class: 'downloads' });
    for (const f of ['xlsx', 'csv']) links.append(el('a', { href: url(`ogcapi/jobs/${answer.jobID}/results`, { f }), download: '', text: f.toUpperCase() }), ' ');
    document.getElementById('result-summary').append(links);
    return answer;
  }

  /** Zooms to a coverage hole, shows its band's coverage and lists its candidate hosts by rank, each drawn at the point the job gives. */
  selectHole(hole) {
    const p = hole.properties;
    this.flyToGeometry(hole.geometry);
    if (this.app.showCoverage) this.app.showCoverage(p.layer);
    this.source.entities.removeById('hole-selected');
    for (const id of this.towerIds || []) this.source.entities.removeById(id);
    this.towerIds = [];
    const ring = hole.geometry.type === 'Polygon' ? hole.geometry.coordinates[0] : hole.geometry.coordinates[0][0];
    this.source.entities.add({ id: 'hole-selected', polyline: { positions: flatPositions(this.viewer.scene, ring, 0.6), width: 4, material: YELLOW, depthFailMaterial: YELLOW } });
    const detail = document.getElementById('result-detail');
    detail.textContent = '';
    detail.append(el('h3', { text: `${t('hole')} ${p.hole} · ${t('hostTowers')}` }));
    const ol = el('ol', {});
    for (const c of p.candidates) {
      const g = c.geometry;
      if (g) {
        const id = `tower-${c.layer}-${c.siteCode}`;
        this.towerIds.push(id);
        this.source.entities.add({
          id, position: Cartesian3.fromDegrees(g.coordinates[0], g.coordinates[1], 0.5 + terrainHeight(this.viewer.scene, g.coordinates[0], g.coordinates[1])),
          point: { pixelSize: 13, color: c.canHost ? Color.LIME : RED, outlineColor: Color.BLACK, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
          label: { text: `${c.rank}. ${c.siteCode}`, font: '13px sans-serif', style: LabelStyle.FILL_AND_OUTLINE, outlineWidth: 3, outlineColor: Color.BLACK,
            fillColor: Color.WHITE, verticalOrigin: VerticalOrigin.BOTTOM, pixelOffset: new Cartesian2(0, -12), disableDepthTestDistance: Number.POSITIVE_INFINITY },
        });
      }
      const text = `${c.rank}. ${c.siteCode} · ${t('coversHole')} ${Math.round(c.coveredAreaM2).toLocaleString()} m² · ${m(c.distanceM, 0)} · ${c.canHost ? `✓ ${t('canHost')}` : `✕ ${t('cannotHost')}`}`;
      ol.append(el('li', {}, el('button', { type: 'button', class: 'row', 'data-site': c.siteCode, text, onclick: () => { if (g) this.app.flyToBbox(bboxOf(g)); } })));
    }
    if (!p.candidates.length) ol.append(el('li', { class: 'muted', text: t('noCandidates') }));
    detail.append(ol);
    this.hole = { hole: p.hole, layer: p.layer, candidates: p.candidates.map((c) => c.siteCode), located: p.candidates.filter((c) => c.geometry).map((c) => c.siteCode) };
    this.viewer.scene.requestRender();
    return this.hole;
  }
}

/** Planes that clip the inside of a convex polygon (normals outward; a region is clipped only outside every plane). */
function convexClippingPlanes(ground) {
  const centre = Cartesian3.fromElements(0, 0, 0);
  for (const p of ground) Cartesian3.add(centre, p, centre);
  Cartesian3.divideByScalar(centre, ground.length, centre);
  const enu = Transforms.eastNorthUpToFixedFrame(centre);
  const inv = Matrix4.inverseTransformation(enu, new Matrix4());
  const local = ground.map((p) => Matrix4.multiplyByPoint(inv, p, new Cartesian3()));
  let area = 0;
  for (let i = 0; i < local.length; i++) { const a = local[i]; const b = local[(i + 1) % local.length]; area += a.x * b.y - b.x * a.y; }
  const ccw = area > 0;
  const planes = [];
  for (let i = 0; i < local.length; i++) {
    const a = local[i];
    const b = local[(i + 1) % local.length];
    const dx = b.x - a.x; const dy = b.y - a.y;
    let n = ccw ? new Cartesian3(dy, -dx, 0) : new Cartesian3(-dy, dx, 0); // outward
    n = Cartesian3.normalize(n, n);
    // A point is clipped by a plane where normal·p + distance < 0: inside the pit for every edge.
    planes.push(new ClippingPlane(n, -Cartesian3.dot(n, a)));
  }
  return new ClippingPlaneCollection({ modelMatrix: enu, planes, unionClippingRegions: false, edgeColor: Color.ORANGE, edgeWidth: 1 });
}
