// The 3D Tiles of the server (/3dtiles/{tileset}/tileset.json): one tileset per network, pipe
// points, base stations and parcels. Visibility per network and per owner, highlights of analysis
// results and parcel translucency are one custom Cesium3DTileStyle per tileset, evaluated per
// feature from its EXT_structural_metadata properties (feature_id, network, owner, …).
// One tileset per network rather than the content groups of the combined `city` tileset: a hidden
// tileset requests no tiles at all (a tile's group contents are fetched together), each kind keeps its
// own screen-space error, and the translucent parcels keep their own colour blend mode.
import { Cesium3DTileColorBlendMode, Cesium3DTileFeature, Cesium3DTileStyle, Cesium3DTileset, Color } from 'cesium';
import { url } from './api.js';
import { NETWORKS } from './i18n.js';

/** What the viewer loads; `layer` is the WFS / OGC API layer of the features (for attributes). */
export const TILESETS = [
  ...Object.keys(NETWORKS).map((code) => ({
    id: 'pipe_' + code.toLowerCase(), layer: 'pipe_' + code.toLowerCase(), group: 'pipes', network: code, sse: 16,
  })),
  { id: 'points', layer: 'pipe_point', group: 'points', sse: 16 },
  { id: 'stations', layer: 'base_station', group: 'stations', sse: 16 },
  { id: 'parcels', layer: 'zoning_parcel', group: 'parcels', sse: 32, translucent: true },
];

/**
 * The optional tilesets of the catalog, off until asked for: the buildings (layer `building` with
 * features, tileset `buildings`) and the registered tilesets of /3dtiles (oblique photogrammetry
 * and the like, `registered: true`), which carry their own materials and no city metadata.
 */
export function catalogTilesets(layers, tilesets) {
  const out = [];
  if (layers.some((l) => l.name === 'building' && l.count > 0)) out.push({ id: 'buildings', layer: 'building', group: 'buildings', sse: 16, optional: true });
  for (const t of tilesets) {
    if (t.registered) out.push({ id: t.name, layer: t.name, extent: t.extent, group: 'photogrammetry', sse: 16, optional: true, external: true });
  }
  return out;
}

const WHITE = Color.WHITE;
const PARCEL = new Color(1, 1, 1, 0.3);
const SELECTED = Color.fromCssColorString('#00b7ff');

/** Number of a metadata value (INT64 feature ids may arrive as BigInt). */
export function num(v) { return typeof v === 'bigint' ? Number(v) : v; }

export class TilesetManager {
  constructor(viewer, { onOwners, onStatus } = {}) {
    this.viewer = viewer;
    this.entries = new Map(); // id → { cfg, tileset, show, loaded, error }
    this.hiddenOwners = new Set();
    this.hiddenNetworks = new Set();
    this.highlights = new Map(); // feature id → Color
    this.owners = new Map(); // owner → count of features seen
    this.asOf = null;
    this.absolute = false; // heights=absolute: set before loadAll when the scene has the city's terrain
    this.selected = null;
    this.selectedTileset = null;
    this.onOwners = onOwners || (() => {});
    this.onStatus = onStatus || (() => {});
    this.generation = 0;
    this.deferred = []; // [entry, tileset] waiting for the pipes' first frame
    this.holdDeferred = false; // true while the first view (firstview.js) decides when they join
    this.placed = Promise.resolve(); // the camera placed for the current generation (loadAll)
    for (const cfg of TILESETS) this.entries.set(cfg.id, { cfg, tileset: null, show: true, loaded: false, error: null });
    // In requestRenderMode Cesium renders when a request completes or the count of pending or
    // processing tiles changes, but throttled requests are re-issued and loaded tiles advance only
    // in a frame: without more frames loading stalls until some other request completes (≈ 1 s
    // apart with server latency). So frames continue while any shown tileset is loading.
    // Frames rendered, to tell which tilesets drew tiles in the last one (Cesium's public
    // tileVisible event, raised for each tile drawn in a frame; see drew()).
    this.frame = 0;
    viewer.scene.preRender.addEventListener(() => { this.frame++; });
    viewer.scene.postRender.addEventListener(() => {
      this.attachDeferred();
      if (!this.allLoaded()) viewer.scene.requestRender();
    });
  }

  /**
   * The tileset.json URL: `asOf` when a time is chosen, `heights=absolute` when the scene has the
   * city's terrain (every product then uses h = H(1985) + ζ; ground-relative only without a DEM).
   * Registered tilesets have their own heights and no history.
   */
  tilesetUrl(cfg) {
    if (cfg.external) return url(`3dtiles/${encodeURIComponent(cfg.id)}/tileset.json`);
    return url(`3dtiles/${cfg.id}/tileset.json`, { asOf: this.asOf, heights: this.absolute ? 'absolute' : null });
  }

  /**
   * Adds the catalog's optional tilesets ({@link catalogTilesets}), hidden; once loadAll has begun
   * they are loaded at once (in the second stage), else with the others by loadAll.
   */
  addEntries(cfgs) {
    for (const cfg of cfgs) {
      if (this.entries.has(cfg.id)) continue;
      const entry = { cfg, tileset: null, show: false, loaded: false, error: null };
      this.entries.set(cfg.id, entry);
      if (this.generation) this.load(entry, this.opening(entry), this.placed, this.generation);
    }
  }

  /**
   * Loads (or reloads, after an asOf change) every tileset's root, all requested at once, and puts
   * them in the scene in two stages: the six pipe networks once their roots are loaded and `place`
   * has placed the camera, the pipe points, stations, parcels and optional tilesets once every
   * shown pipe network has drawn tiles (their tiles would otherwise compete with the pipes' first
   * tiles for requests and for the frames of software WebGL). Resolves when every root is loaded
   * and the pipes are added.
   * @param place called once with the loaded pipe tilesets (their public boundingSphere places the
   *              camera), before any of them joins the scene; may return a promise
   */
  async loadAll(place = () => {}) {
    const generation = ++this.generation;
    this.deferred = [];
    const entries = [...this.entries.values()];
    const opening = entries.map((entry) => this.opening(entry));
    const pipes = entries.map((entry, i) => (entry.cfg.group === 'pipes' ? opening[i] : null));
    this.placed = Promise.all(pipes).then((tilesets) => place(tilesets.filter(Boolean)));
    await Promise.all(entries.map((entry, i) => this.load(entry, opening[i], this.placed, generation)));
    this.viewer.scene.requestRender();
    this.onStatus(this);
  }

  /** The tileset of an entry, opened (its tileset.json loaded), or null when it failed. */
  async opening(entry) {
    entry.loaded = false;
    entry.error = null;
    try {
      return await this.open(entry);
    } catch (e) {
      entry.error = e.message || String(e);
      console.warn('tileset unavailable', entry.cfg.id, entry.error);
      return null;
    }
  }

  /** Puts an opened tileset in the scene after `placed`: pipes at once, the others in the second stage. */
  async load(entry, opening, placed, generation) {
    const tileset = await opening;
    await placed;
    if (generation !== this.generation) { if (tileset) tileset.destroy(); return; }
    if (tileset && entry.cfg.group !== 'pipes') this.deferred.push([entry, tileset]);
    else this.attach(entry, tileset);
  }

  /** A configured tileset of an entry (its tileset.json loaded), not yet in the scene. */
  async open(entry) {
    const { cfg } = entry;
    const tileset = await Cesium3DTileset.fromUrl(this.tilesetUrl(cfg), {
      maximumScreenSpaceError: cfg.sse, cullRequestsWhileMoving: true, preloadWhenHidden: false,
      featureIdLabel: 0, instanceFeatureIdLabel: 0,
    });
    tileset.cityId = cfg.id;
    tileset.show = entry.show;
    if (!cfg.external) tileset.style = this.styleFor(cfg);
    if (!cfg.translucent) {
      // Highlights replace the CJJ 61 colour (white = untouched); parcels keep multiply for translucency.
      tileset.colorBlendMode = Cesium3DTileColorBlendMode.MIX;
      tileset.colorBlendAmount = 0.85;
    }
    tileset.allTilesLoaded.addEventListener(() => {
      entry.loaded = true;
      this.onStatus(this);
    });
    tileset.tileVisible.addEventListener(() => {
      if (entry.drawnFrame !== this.frame) { entry.drawnFrame = this.frame; entry.drawnTiles = 0; }
      entry.drawnTiles++;
    });
    entry.tileLoads = 0; // tile contents loaded (Cesium's public tileLoad event)
    tileset.tileLoad.addEventListener((tile) => { entry.tileLoads++; this.collect(tile.content); });
    tileset.tileFailed.addEventListener((err) => {
      entry.error = err.message || String(err);
      console.warn('tile failed', cfg.id, err.url, err.message);
    });
    return tileset;
  }

  /** Puts an entry's tileset (or null: unavailable) in the scene in place of its previous one. */
  attach(entry, tileset) {
    const old = entry.tileset;
    if (tileset) this.viewer.scene.primitives.add(tileset);
    entry.tileset = tileset;
    if (old) this.viewer.scene.primitives.remove(old);
  }

  /** Second stage of loadAll: once the pipes are drawn, the other tilesets join the scene. */
  attachDeferred() {
    if (!this.deferred.length || this.holdDeferred || !this.pipesSettled()) return;
    this.releaseDeferred();
  }

  /** Puts the tilesets waiting for the pipes in the scene now (the first view is drawn). */
  releaseDeferred() {
    this.holdDeferred = false;
    for (const [entry, tileset] of this.deferred.splice(0)) this.attach(entry, tileset);
    this.viewer.scene.requestRender();
  }

  async setAsOf(asOf) {
    if (asOf === this.asOf) return;
    this.asOf = asOf;
    await this.loadAll();
  }

  collect(content) {
    if (!content || !content.featuresLength) return;
    let added = false;
    for (let i = 0; i < content.featuresLength; i++) {
      const f = content.getFeature(i);
      if (!f.hasProperty || !f.hasProperty('owner')) continue;
      const owner = f.getProperty('owner');
      if (owner === undefined || owner === null || owner === '') continue;
      if (!this.owners.has(owner)) added = true;
      this.owners.set(owner, (this.owners.get(owner) || 0) + 1);
    }
    if (added) this.onOwners([...this.owners.keys()].sort());
  }

  styleFor(cfg) {
    const style = new Cesium3DTileStyle();
    style.show = {
      evaluate: (feature) => {
        if (this.hiddenOwners.size && this.hiddenOwners.has(prop(feature, 'owner'))) return false;
        if (this.hiddenNetworks.size && this.hiddenNetworks.has(prop(feature, 'network'))) return false;
        return true;
      },
    };
    style.color = {
      evaluateColor: (feature, result) => {
        const fid = this.highlights.size || this.selected !== null ? num(prop(feature, 'feature_id')) : undefined;
        if (this.selected !== null && fid === this.selected && feature.tileset === this.selectedTileset) return Color.clone(SELECTED, result);
        const h = this.highlights.size ? this.highlights.get(fid) : undefined;
        if (h) return Color.clone(h, result);
        return Color.clone(cfg.translucent ? PARCEL : WHITE, result);
      },
    };
    return style;
  }

  restyle() {
    for (const e of this.entries.values()) if (e.tileset) e.tileset.makeStyleDirty();
    this.viewer.scene.requestRender();
  }

  setShow(id, show) {
    const e = this.entries.get(id);
    if (!e) return;
    e.show = show;
    if (e.tileset) e.tileset.show = show;
    this.viewer.scene.requestRender();
  }

  setOwnerVisible(owner, visible) {
    if (visible) this.hiddenOwners.delete(owner); else this.hiddenOwners.add(owner);
    this.restyle();
  }

  /** Highlights features by id: Map or iterable of [id, Color]. */
  highlight(pairs) {
    this.highlights = new Map([...pairs].map(([id, c]) => [Number(id), c]));
    this.restyle();
  }

  /** Marks one picked feature (null clears). */
  select(fid, tileset) {
    this.selected = fid === null || fid === undefined ? null : Number(fid);
    this.selectedTileset = tileset || null;
    this.restyle();
  }

  clearHighlights() {
    if (this.highlights.size === 0) return;
    this.highlights = new Map();
    this.restyle();
  }

  /** The entry whose features are of this layer (pipe_js, pipe_point, base_station, zoning_parcel…). */
  entryForLayer(layer) {
    if (layer === 'antenna_sector') layer = 'base_station';
    for (const e of this.entries.values()) if (e.cfg.layer === layer) return e;
    return null;
  }

  /** The entry of a picked object, or null. */
  entryOf(picked) {
    if (!(picked instanceof Cesium3DTileFeature)) return null;
    const id = picked.tileset && picked.tileset.cityId;
    return id ? this.entries.get(id) : null;
  }

  /** True when every shown tileset has loaded what the current view needs. */
  allLoaded() {
    if (this.deferred.length) return false;
    for (const e of this.entries.values()) {
      if (e.tileset && e.tileset.show && !e.tileset.tilesLoaded) return false;
    }
    return true;
  }

  /**
   * True when, in the frame just rendered (call in postRender), every shown pipe network drew
   * tiles, has loaded all that the view needs, or failed to load.
   */
  pipesSettled() {
    for (const e of this.entries.values()) {
      if (e.cfg.group !== 'pipes' || !e.show) continue;
      if (e.tileset ? this.drew(e) === 0 && !e.tileset.tilesLoaded : !e.error) return false;
    }
    return true;
  }

  /** In postRender: the number of tiles of an entry's tileset the frame just rendered drew. */
  drew(entry) {
    return entry.tileset && entry.drawnFrame === this.frame ? entry.drawnTiles : 0;
  }

  /** Distinct feature ids in the loaded tile contents, per tileset (and per pipe layer). */
  featureCount() {
    const out = {};
    for (const [id, e] of this.entries) {
      const ids = new Set();
      if (!e.tileset || !e.tileset.root) { out[id] = 0; continue; }
      const stack = [e.tileset.root];
      while (stack.length) {
        const tile = stack.pop();
        const contents = tile.content ? (tile.content.innerContents || [tile.content]) : [];
        for (const c of contents) {
          if (!c || !c.featuresLength) continue;
          for (let i = 0; i < c.featuresLength; i++) {
            const f = c.getFeature(i);
            const fid = num(prop(f, 'feature_id'));
            if (fid !== undefined) ids.add(fid);
          }
        }
        for (const child of tile.children || []) stack.push(child);
      }
      out[id] = ids.size;
    }
    return out;
  }

  summary() {
    const out = {};
    for (const [id, e] of this.entries) {
      out[id] = {
        present: !!e.tileset, show: e.show, optional: !!e.cfg.optional, group: e.cfg.group, loaded: e.loaded,
        tilesLoaded: e.tileset ? e.tileset.tilesLoaded : false, tileLoads: e.tileLoads || 0, error: e.error,
      };
    }
    return out;
  }
}

/** A metadata property of a feature, or undefined. */
export function prop(feature, name) {
  try {
    return feature.hasProperty(name) ? feature.getProperty(name) : undefined;
  } catch { return undefined; }
}
