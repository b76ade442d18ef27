// The layer tree: networks (CJJ 61 colours), owners, pipe points, stations, parcels, WMTS roads
// and parcels, base map, real-scene 3D (buildings, photogrammetry, orthophoto), base-station coverage; legends for CJJ 61 networks and GB 50137 land-use classes.
import { url } from './api.js';
import { LAND_USE, NETWORKS, LAYER_TITLES, pick, t } from './i18n.js';

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else if (v !== false && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}
export { el };

function check(id, label, checked, onchange, swatch) {
  const input = el('input', { type: 'checkbox', id, checked: checked ? true : false, onchange: (ev) => onchange(ev.target.checked) });
  const lab = el('label', { for: id, class: 'layer-label' });
  if (swatch) lab.append(el('span', { class: 'swatch', style: `background:${swatch}`, 'aria-hidden': 'true' }));
  lab.append(el('span', { class: 'name', text: label }));
  return el('li', { role: 'treeitem' }, input, lab);
}

export class LayerTree {
  constructor(root, { tilesets, imagery, counts }) {
    this.root = root;
    this.tilesets = tilesets;
    this.imagery = imagery; // { base, road, parcel } ImageryLayer getters
    this.counts = counts || {};
    this.owners = [];
    this.state = { base: true, road: true, parcelWms: true };
  }

  setCounts(counts) { this.counts = counts; this.render(); }
  setOwners(owners) { this.owners = owners; this.renderOwners(); }

  title(layer) {
    const c = this.counts[layer];
    const base = pick(LAYER_TITLES[layer]) || layer;
    return c ? `${base} (${c})` : base; // raster layers have no count
  }

  render() {
    const r = this.root;
    r.textContent = '';
    const ts = this.tilesets;
    const shown = (id) => { const e = ts.entries.get(id); return e ? e.show : false; };

    const pipes = el('ul', { role: 'group', 'aria-label': t('pipes') });
    for (const [code, n] of Object.entries(NETWORKS)) {
      const id = 'pipe_' + code.toLowerCase();
      pipes.append(check('lt-' + id, `${this.title(id)} ${code}`, shown(id), (v) => ts.setShow(id, v), n[2]));
    }
    pipes.append(check('lt-pipe_point', this.title('pipe_point'), shown('points'), (v) => ts.setShow('points', v), '#ddd'));
    r.append(el('h3', { text: t('pipes') }), pipes);

    this.ownerBox = el('ul', { role: 'group', 'aria-label': t('owners'), id: 'owner-list' });
    r.append(el('h3', { text: t('owners') }), this.ownerBox);
    this.renderOwners();

    const other = el('ul', { role: 'group' });
    other.append(check('lt-base_station', `${t('stations')}${this.counts.base_station !== undefined ? ` (${this.counts.base_station})` : ''}`,
      shown('stations'), (v) => ts.setShow('stations', v), '#b0b8c8'));
    other.append(check('lt-zoning_parcel', t('parcels3d'), shown('parcels'), (v) => ts.setShow('parcels', v), 'rgba(255,255,0,.4)'));
    other.append(check('lt-parcel-wms', t('parcelsWms'), this.state.parcelWms, (v) => { this.state.parcelWms = v; this.imagery.show('parcel', v); }));
    other.append(check('lt-road-wms', t('roadsWms'), this.state.road, (v) => { this.state.road = v; this.imagery.show('road', v); }, '#888'));
    other.append(check('lt-base', t('basemap'), this.state.base, (v) => { this.state.base = v; this.imagery.show('base', v); }));
    r.append(el('h3', { text: t('layers') }), other);

    // Real-scene 3D: only what the catalog has (buildings, registered photogrammetry, raster imagery).
    const real = el('ul', { role: 'group', 'aria-label': t('realScene'), id: 'real-scene-list' });
    for (const [id, e] of ts.entries) {
      if (e.cfg.group !== 'buildings' && e.cfg.group !== 'photogrammetry') continue;
      real.append(check('lt-' + id, e.cfg.group === 'buildings' ? this.title(e.cfg.layer) : `${pick(LAYER_TITLES[id]) || id} · ${t('photogrammetry')}`,
        e.show, (v) => ts.setShow(id, v)));
    }
    for (const name of this.imagery.rasters()) {
      real.append(check('lt-raster-' + name, this.title(name), this.imagery.shown(name), (v) => this.imagery.show(name, v)));
    }
    if (real.children.length) r.append(el('h3', { text: t('realScene') }), real);

    // Base-station coverage (best-server RSRP per operator and band), draped on the ground, off by default.
    const coverage = el('ul', { role: 'group', 'aria-label': t('coverage'), id: 'coverage-list' });
    for (const name of this.imagery.coverage()) {
      coverage.append(check('lt-raster-' + name, this.title(name), this.imagery.shown(name), (v) => this.imagery.show(name, v)));
    }
    if (coverage.children.length) {
      const legend = el('img', { class: 'legend-img', alt: t('coverageLegend'), loading: 'lazy',
        src: url('wms', { service: 'WMS', version: '1.3.0', request: 'GetLegendGraphic', layer: this.imagery.coverage()[0], style: 'rsrp', format: 'image/png' }) });
      r.append(el('h3', { text: t('coverage') }), coverage, el('details', {}, el('summary', { text: t('coverageLegend') }), legend));
    }

    const legend = el('ul', { class: 'legend', 'aria-label': t('landUseLegend') });
    for (const [code, lu] of Object.entries(LAND_USE)) {
      legend.append(el('li', {}, el('span', { class: 'swatch', style: `background:${lu[2]}` }), el('span', { text: `${code} ${pick(lu)}` })));
    }
    r.append(el('details', {}, el('summary', { text: t('landUseLegend') }), legend));
  }

  renderOwners() {
    if (!this.ownerBox) return;
    this.ownerBox.textContent = '';
    if (this.owners.length === 0) {
      this.ownerBox.append(el('li', { class: 'muted', text: '—' }));
      return;
    }
    this.owners.forEach((owner, i) => {
      const visible = !this.tilesets.hiddenOwners.has(owner);
      this.ownerBox.append(check('lt-owner-' + i, owner, visible, (v) => this.tilesets.setOwnerVisible(owner, v)));
    });
  }
}
