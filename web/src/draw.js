// Interactive drawing on the scene: points, a two-point line, polylines and polygons, with a live
// preview. Positions come from the depth buffer (pipes, tiles), else the terrain, else the ellipsoid.
import {
  CallbackProperty, Cartesian3, Cartographic, Color, Math as CesiumMath, PolygonHierarchy,
  ScreenSpaceEventHandler, ScreenSpaceEventType, defined, HeightReference,
} from 'cesium';

/** The world position under a window position: picked depth first, else the terrain surface (the
 * globe's ray pick on its loaded tiles; the ellipsoid without a DEM), else the ellipsoid. */
export function worldPosition(viewer, windowPos, preferGround = false) {
  const scene = viewer.scene;
  if (!preferGround && scene.pickPositionSupported) {
    const picked = scene.pick(windowPos);
    if (defined(picked)) {
      const p = scene.pickPosition(windowPos);
      if (defined(p)) return p;
    }
  }
  const ray = viewer.camera.getPickRay(windowPos);
  const ground = ray && scene.globe.show ? scene.globe.pick(ray, scene) : undefined;
  return ground || viewer.camera.pickEllipsoid(windowPos, scene.globe.ellipsoid);
}

export function toDegrees(position) {
  const c = Cartographic.fromCartesian(position);
  return [CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude), c.height];
}

let active = null;

/** True while a drawing collects clicks (scene picking then stays quiet). */
export function isDrawing() { return active !== null; }

/** Cancels the drawing in progress, if any. */
export function cancelDrawing() {
  if (active) active.cancel();
}

/**
 * Starts drawing. mode: 'point' (1 click), 'line' (2 clicks), 'polyline' or 'polygon'
 * (double-click or Enter finishes). Resolves with the Cartesian3 positions, or null on Esc.
 */
export function draw(viewer, mode, { color = Color.YELLOW, preferGround = false, onMove } = {}) {
  cancelDrawing();
  return new Promise((resolve) => {
    const scene = viewer.scene;
    const handler = new ScreenSpaceEventHandler(scene.canvas);
    const positions = [];
    let floating = null;
    const entities = [];
    const live = () => (floating ? [...positions, floating] : positions);
    if (mode !== 'point') {
      entities.push(viewer.entities.add({
        polyline: {
          positions: new CallbackProperty(() => (mode === 'polygon' && live().length > 2 ? [...live(), live()[0]] : live()), false),
          width: 3, material: color, depthFailMaterial: color, clampToGround: false,
        },
      }));
    }
    if (mode === 'polygon') {
      entities.push(viewer.entities.add({
        polygon: {
          hierarchy: new CallbackProperty(() => new PolygonHierarchy(live()), false),
          material: color.withAlpha(0.25), perPositionHeight: true,
        },
      }));
    }
    const finish = (ok) => {
      handler.destroy();
      document.removeEventListener('keydown', onKey, true);
      for (const e of entities) viewer.entities.remove(e);
      for (const e of markers) viewer.entities.remove(e);
      active = null;
      scene.canvas.style.cursor = '';
      scene.requestRender();
      resolve(ok ? positions.slice() : null);
    };
    const markers = [];
    const addPoint = (p) => {
      positions.push(p);
      markers.push(viewer.entities.add({
        position: p,
        point: { pixelSize: 8, color, outlineColor: Color.BLACK, outlineWidth: 1, disableDepthTestDistance: Number.POSITIVE_INFINITY, heightReference: HeightReference.NONE },
      }));
      scene.requestRender();
      const need = mode === 'point' ? 1 : mode === 'line' ? 2 : Infinity;
      if (positions.length >= need) finish(true);
    };
    const onKey = (ev) => {
      if (ev.key === 'Escape') { ev.preventDefault(); finish(false); }
      if (ev.key === 'Enter' && (mode === 'polyline' || mode === 'polygon')) {
        ev.preventDefault();
        finish(positions.length >= (mode === 'polygon' ? 3 : 2));
      }
    };
    document.addEventListener('keydown', onKey, true);
    handler.setInputAction((ev) => {
      const p = worldPosition(viewer, ev.position, preferGround);
      if (p) addPoint(p);
    }, ScreenSpaceEventType.LEFT_CLICK);
    handler.setInputAction(() => {
      if (mode === 'polyline' || mode === 'polygon') {
        // The double click's second click added a duplicate point: drop it.
        if (positions.length > 1 && Cartesian3.distance(positions.at(-1), positions.at(-2)) < 0.01) {
          positions.pop();
          viewer.entities.remove(markers.pop());
        }
        finish(positions.length >= (mode === 'polygon' ? 3 : 2));
      }
    }, ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    handler.setInputAction((ev) => {
      const p = worldPosition(viewer, ev.endPosition, preferGround);
      if (p) { floating = p; if (onMove) onMove(live()); scene.requestRender(); }
    }, ScreenSpaceEventType.MOUSE_MOVE);
    scene.canvas.style.cursor = 'crosshair';
    active = { cancel: () => finish(false), mode };
  });
}
