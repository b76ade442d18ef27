// The first view: until every pipe network has drawn tiles, the frames and the tile requests serve
// the six networks alone. Software WebGL (SwiftShader) pays for every drawn command and every
// uploaded tile, and many parallel tile requests only make each one slower, so meanwhile
//  - the globe and its atmosphere are hidden (no imagery or terrain tiles to load and draw);
//  - each pipe network has at most one tile request outstanding, at most MAX_REQUESTS in total;
//  - a network whose tiles are drawn asks for no more (it stops refining);
// pipe points, stations, parcels (TilesetManager) and the WMS maps (main.js) join afterwards.
// Everything is restored in the frame whose commands include tiles of all six networks.

/** Tile requests of all pipe networks together during the first view. */
export const MAX_REQUESTS = 6;

/**
 * The tiles a tileset's traversal asks for in a frame, cut by `allowance()` after Cesium sorts them
 * by priority (Cesium3DTileset's requestTiles sorts this array, then requests every element left).
 */
class CappedRequests extends Array {
  static get [Symbol.species]() { return Array; }

  sort(compare) {
    super.sort(compare);
    const n = this.allowance();
    if (this.length > n) this.length = n;
    return this;
  }
}

export class FirstView {
  /**
   * @param viewer   the Cesium viewer
   * @param tilesets the TilesetManager (its pipe entries and deferred tilesets)
   * @param onDone   called once, in the postRender of the frame that drew all six networks, with
   *                 the time since navigation (ms) and whether all six drew (false: a network
   *                 failed to load or has no features)
   * @param hasFeatures (id) → false when a pipe tileset is known to have nothing to draw
   */
  constructor(viewer, tilesets, onDone, hasFeatures = () => true) {
    this.viewer = viewer;
    this.tilesets = tilesets;
    this.onDone = onDone;
    this.hasFeatures = hasFeatures;
    tilesets.holdDeferred = true;
    this.done = false;
    this.drawn = new Set(); // ids of the networks whose tiles the last frame drew
    this.commands = null; // draw commands per pipe network in the first view's frame
    const scene = viewer.scene;
    this.restore = { globe: scene.globe.show, atmosphere: scene.skyAtmosphere ? scene.skyAtmosphere.show : false };
    scene.globe.show = false;
    if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
    this.capRequests = () => this.cap();
    this.check = () => this.afterFrame();
    scene.preUpdate.addEventListener(this.capRequests);
    scene.postRender.addEventListener(this.check);
    scene.requestRender();
  }

  /** The pipe tilesets in the scene: [id, tileset]. */
  pipes() {
    const out = [];
    for (const [id, e] of this.tilesets.entries) if (e.cfg.group === 'pipes' && e.tileset) out.push([id, e.tileset]);
    return out;
  }

  /** Before each frame's update: every pipe tileset asks for tiles through a capped list. */
  cap() {
    for (const [id, tileset] of this.pipes()) {
      if (tileset._requestedTiles instanceof CappedRequests) continue;
      const capped = new CappedRequests();
      capped.allowance = () => this.allowance(id, tileset);
      tileset._requestedTiles = capped;
    }
  }

  /** How many new tile requests a network may make now. */
  allowance(id, tileset) {
    if (this.drawn.has(id)) return 0;
    let total = 0;
    for (const [, t] of this.pipes()) total += t.statistics.numberOfPendingRequests;
    return Math.max(0, Math.min(1 - tileset.statistics.numberOfPendingRequests, MAX_REQUESTS - total));
  }

  /**
   * After each frame: done when its commands include tiles of every shown pipe network (a network
   * whose tileset failed or that has no features is not waited for). Not Cesium's tilesLoaded: it
   * is also true while the camera moves (requests are culled then) or before any request.
   */
  afterFrame() {
    this.drawn.clear();
    let all = true;
    let waiting = false;
    for (const [id, e] of this.tilesets.entries) {
      if (e.cfg.group !== 'pipes' || !e.show) continue;
      if (e.tileset && e.tileset.statistics.numberOfCommands > 0) { this.drawn.add(id); continue; }
      all = false;
      if (!e.error && this.hasFeatures(id)) waiting = true;
    }
    if (waiting) return;
    this.commands = Object.fromEntries(this.pipes().map(([id, t]) => [id, t.statistics.numberOfCommands]));
    this.finish();
    this.onDone(Math.round(performance.now()), all);
  }

  /** Restores the scene: globe, atmosphere and uncapped tile requests. */
  finish() {
    if (this.done) return;
    this.done = true;
    const scene = this.viewer.scene;
    scene.preUpdate.removeEventListener(this.capRequests);
    scene.postRender.removeEventListener(this.check);
    for (const [, tileset] of this.pipes()) tileset._requestedTiles = [];
    this.tilesets.releaseDeferred();
    scene.globe.show = this.restore.globe;
    if (scene.skyAtmosphere) scene.skyAtmosphere.show = this.restore.atmosphere;
    scene.requestRender();
  }
}
