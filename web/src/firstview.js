// The first view: until every pipe network has drawn tiles, the frames and the tile requests serve
// the six networks alone. Software WebGL (SwiftShader) pays for every drawn command and every
// uploaded tile, and many parallel tile requests only make each one slower, so meanwhile
//  - the globe and its atmosphere are hidden (no imagery or terrain tiles to load and draw);
//  - at most MAX_REQUESTS tile requests to the server are outstanding (Cesium's public
//    RequestScheduler.maximumRequestsPerServer; Cesium issues them in its priority order);
// pipe points, stations, parcels (TilesetManager) and the WMTS maps (main.js) join afterwards.
// Everything is restored in the frame that drew tiles of all six networks, told by Cesium's public
// per-frame `tileVisible` event of each tileset (TilesetManager.drew), no private field.
import { RequestScheduler } from 'cesium';

/** Tile requests to the server during the first view. */
export const MAX_REQUESTS = 6;

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
    this.tiles = null; // tiles drawn per pipe network in the first view's frame
    const scene = viewer.scene;
    this.restore = {
      globe: scene.globe.show, atmosphere: scene.skyAtmosphere ? scene.skyAtmosphere.show : false,
      requests: RequestScheduler.maximumRequestsPerServer,
    };
    scene.globe.show = false;
    if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
    RequestScheduler.maximumRequestsPerServer = MAX_REQUESTS;
    this.check = () => this.afterFrame();
    scene.postRender.addEventListener(this.check);
    scene.requestRender();
  }

  /**
   * After each frame: done when it drew tiles of every shown pipe network (a network whose
   * tileset failed or that has no features is not waited for). Not Cesium's tilesLoaded: it is
   * also true while the camera moves (requests are culled then) or before any request.
   */
  afterFrame() {
    let all = true;
    let waiting = false;
    const tiles = {};
    for (const [id, e] of this.tilesets.entries) {
      if (e.cfg.group !== 'pipes' || !e.show) continue;
      tiles[id] = this.tilesets.drew(e);
      if (tiles[id] > 0) continue;
      all = false;
      if (!e.error && this.hasFeatures(id)) waiting = true;
    }
    if (waiting) return;
    this.tiles = tiles;
    this.finish();
    this.onDone(Math.round(performance.now()), all);
  }

  /** Restores the scene: globe, atmosphere and the request limit. */
  finish() {
    if (this.done) return;
    this.done = true;
    const scene = this.viewer.scene;
    scene.postRender.removeEventListener(this.check);
    RequestScheduler.maximumRequestsPerServer = this.restore.requests;
    this.tilesets.releaseDeferred();
    scene.globe.show = this.restore.globe;
    if (scene.skyAtmosphere) scene.skyAtmosphere.show = this.restore.atmosphere;
    scene.requestRender();
  }
}
