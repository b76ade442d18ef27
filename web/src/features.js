// Feature attributes and geometry from OGC API Features (WFS as the fallback), the attribute
// panel with Chinese field names and units, and GeoJSON helpers (bbox, centre).
import { getJson } from './api.js';
import { field, pick, NETWORKS, t } from './i18n.js';
import { el } from './layers.js';

/** One feature as GeoJSON from /ogcapi/collections/{layer}/items/{id}, WFS GetFeature as fallback. */
export async function fetchFeature(layer, fid, asOf) {
  try {
    return await getJson(`ogcapi/collections/${encodeURIComponent(layer)}/items/${encodeURIComponent(fid)}`,
      asOf ? { datetime: asOf } : null, { headers: { Accept: 'application/geo+json, application/json' } });
  } catch (e) {
    const fc = await getJson('wfs', {
      service: 'WFS', version: '2.0.0', request: 'GetFeature', typeNames: layer,
      resourceId: `${layer}.${fid}`, outputFormat: 'application/json', srsName: 'urn:ogc:def:crs:OGC:1.3:CRS84',
    });
    if (fc.features && fc.features.length) {
      const f = fc.features[0];
      return { ...f, id: String(f.id).replace(/^.*\./, '') };
    }
    throw e;
  }
}

/** Features of a layer matching a CQL2 text filter (OGC API Features Part 3). */
export async function queryFeatures(layer, filter, limit = 20, extra = {}) {
  return getJson(`ogcapi/collections/${encodeURIComponent(layer)}/items`, {
    filter, 'filter-lang': 'cql2-text', limit, ...extra,
  }, { headers: { Accept: 'application/geo+json, application/json' } });
}

/** [w, s, e, n] of a GeoJSON geometry, or null. */
export function bboxOf(geometry) {
  if (!geometry) return null;
  let w = Infinity; let s = Infinity; let e = -Infinity; let n = -Infinity;
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
    } else for (const x of c) walk(x);
  };
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) walk(g.coordinates);
  else walk(geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

function formatValue(name, v) {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'bigint') return v.toString();
  if (name === 'network' && NETWORKS[v]) return `${pick(NETWORKS[v])} (${v})`;
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Math.round(v * 1000) / 1000);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A definition list of properties: Chinese (or English) title, value, unit (titles of layer's fields when given). */
export function propertyTable(properties, order, layer) {
  const table = el('table', { class: 'attrs' });
  const names = order || Object.keys(properties);
  for (const name of names) {
    const v = properties[name];
    if (v === undefined) continue;
    const [title, unit] = field(name, layer);
    const value = formatValue(name, v);
    table.append(el('tr', { 'data-field': name }, el('th', { scope: 'row', text: title }),
      el('td', { text: value === '—' || !unit ? value : `${value} ${unit}` })));
  }
  return table;
}

/** Properties of a picked 3D Tiles feature (the metadata in the tile). */
export function tileProperties(feature) {
  const out = {};
  const ids = feature.getPropertyIds ? feature.getPropertyIds() : [];
  for (const id of ids) out[id] = feature.getProperty(id);
  return out;
}

export class InfoPanel {
  constructor({ panel, body, title, fly, close }) {
    Object.assign(this, { panel, body, titleEl: title, fly, close });
    close.addEventListener('click', () => this.hide());
    this.current = null;
  }

  hide() { this.panel.hidden = true; this.current = null; }

  /** Shows a feature: layer title, id, attributes (titled by the catalog's fields of layer). */
  show(layerTitle, fid, properties, geometry, source, layer) {
    this.current = { layerTitle, fid, properties, geometry, source, layer };
    this.render();
  }

  render() {
    const c = this.current;
    if (!c) return;
    this.panel.hidden = false;
    this.titleEl.textContent = `${t('attributes')} · ${c.layerTitle()}`;
    this.body.textContent = '';
    const props = { fid: c.fid, ...c.properties };
    delete props.feature_id;
    this.body.append(propertyTable(props, undefined, c.layer));
    this.body.dataset.fid = String(c.fid);
    this.body.dataset.source = c.source;
    this.fly.hidden = !c.geometry;
  }
}
