// The first view: the moment every shown layer has loaded and drawn what the opening camera needs —
// each shown 3D tileset has raised Cesium's public `initialTilesLoaded` event (all tiles its
// traversal selected at its shipped screen-space error are loaded) and the globe reports
// `tilesLoaded` (terrain and imagery of the view). Measured in the postRender of the first frame in
// which all of it holds, so that frame drew it. Only public Cesium API: no request capping, no
// hidden layers; what makes it fast is what the server ships (few, light tiles per view).

export class FirstView {
  /**
   * @param viewer   the Cesium viewer
   * @param tilesets the TilesetManager (its entries: cfg, show, tileset, error)
   * @param onDone   called once, in the postRender of the frame that completed the first view, with
   *                 the time since navigation (ms) and the draw commands per tileset in that frame
   */
  constructor(viewer, tilesets, onDone) {
    this.viewer = viewer;
    this.tilesets = tilesets;
    this.onDone = onDone;
    this.done = false;
    this.commands = null; // draw commands per tileset in the first view's frame
    this.globe = null; // the globe's state in that frame
    this.check = () => this.afterFrame();
    viewer.scene.postRender.addEventListener(this.check);
  }

  /** True when every shown tileset is in the scene and has raised initialTilesLoaded. */
  tilesetsLoaded() {
    if (!this.tilesets.attachedAll) return false;
    for (const e of this.tilesets.entries.values()) {
      if (e.show && e.tileset && !e.initial) return false;
    }
    return true;
  }

  afterFrame() {
    if (this.done) return;
    const globe = this.viewer.scene.globe;
    if (!this.tilesetsLoaded() || (globe.show && !globe.tilesLoaded)) {
      this.viewer.scene.requestRender();
      return;
    }
    this.done = true;
    this.viewer.scene.postRender.removeEventListener(this.check);
    this.globe = { shown: globe.show, tilesLoaded: globe.tilesLoaded }; // in that frame (maps join later)
    this.commands = {};
    for (const [id, e] of this.tilesets.entries) this.commands[id] = e.tileset && e.show ? e.tileset.statistics.numberOfCommands : 0;
    this.onDone(Math.round(performance.now()), this.commands);
  }
}
