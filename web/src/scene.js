// The Cesium scene: base map (bundled Natural Earth II, no ion), the city's terrain (/terrain),
// WMTS roads and parcels as imagery, underground mode (translucent globe, camera below the
// surface), camera helpers and keyboard.
import {
  Cartesian3, CesiumTerrainProvider, Color, EllipsoidTerrainProvider, ImageryLayer, Ion, Math as CesiumMath, NearFarScalar,
  Rectangle, ScreenSpaceEventType, TileMapServiceImageryProvider, Viewer, WebMapTileServiceImageryProvider,
  GeographicTilingScheme, buildModuleUrl, Cartographic, HeadingPitchRange, BoundingSphere, Matrix4,
  sampleTerrainMostDetailed,
} from 'cesium';
import { url } from './api.js';

Ion.defaultAccessToken = '';

/** Lanzhou New Area (DOMAIN.md §6), used until /api/layers answers with extents. */
export const DEFAULT_EXTENT = [103.55, 36.28, 103.85, 36.72];

export function createViewer(container) {
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(
      TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false, geocoder: false, homeButton: false, sceneModePicker: false,
    navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false,
    infoBox: false, selectionIndicator: false, projectionPicker: false, vrButton: false,
    requestRenderMode: true, maximumRenderTimeChange: Infinity, msaaSamples: 1,
    contextOptions: { webgl: { preserveDrawingBuffer: true } }, // screenshots and the e2e pixel checks read the canvas
  });
  const scene = viewer.scene;
  scene.fog.enabled = false;
  scene.globe.showGroundAtmosphere = false;
  scene.globe.baseColor = Color.fromCssColorString('#2b3440');
  scene.globe.undergroundColor = Color.fromCssColorString('#14181d');
  scene.globe.depthTestAgainstTerrain = false;
  // Fewer, coarser globe tiles: the base map is Natural Earth (no detail at city scale) and software
  // WebGL uploads every imagery tile on the main thread.
  scene.globe.maximumScreenSpaceError = 4;
  scene.globe.preloadSiblings = false;
  scene.highDynamicRange = false;
  scene.postProcessStages.fxaa.enabled = false;
  if (scene.skyAtmosphere) scene.skyAtmosphere.show = true;
  // An underground product: no stars, sun or moon (each costs software WebGL time in every frame).
  if (scene.skyBox) scene.skyBox.show = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  const handler = viewer.cesiumWidget.screenSpaceEventHandler;
  handler.removeInputAction(ScreenSpaceEventType.LEFT_CLICK);
  handler.removeInputAction(ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
  return viewer;
}

/**
 * Terrain from the server's /terrain (quantized-mesh of the imported DEM, ellipsoidal heights
 * h = H(1985) + ζ) in place of the ellipsoid. Resolves true when the city has a DEM (the 3D Tiles
 * then use the same absolute heights), false when /terrain/layer.json is absent (ellipsoid kept,
 * 3D Tiles ground-relative). Pipes under opaque terrain are hidden by the depth test; underground
 * mode makes the terrain translucent.
 */
export async function loadTerrain(viewer) {
  let provider;
  try {
    provider = await CesiumTerrainProvider.fromUrl(url('terrain/'), { requestVertexNormals: true });
  } catch (e) {
    console.info('no terrain (ellipsoid, ground-relative 3D Tiles):', e.message || e);
    return false;
  }
  viewer.terrainProvider = provider;
  viewer.scene.globe.depthTestAgainstTerrain = true;
  viewer.scene.requestRender();
  return true;
}

/** Ellipsoidal height (m) of the terrain at lon/lat from its finest tile there (0 without terrain). */
export async function groundAt(viewer, lon, lat) {
  if (viewer.terrainProvider instanceof EllipsoidTerrainProvider) return 0;
  try {
    const [c] = await sampleTerrainMostDetailed(viewer.terrainProvider, [Cartographic.fromDegrees(lon, lat)]);
    return Number.isFinite(c.height) ? c.height : 0;
  } catch (e) {
    console.warn('terrain height unavailable', e.message || e);
    return 0;
  }
}

/** Ellipsoidal height (m) views of extents look at: the terrain at the home view's centre. */
let viewGround = 0;

/** Sets the height views of extents look at. */
export function setViewGround(h) { viewGround = h; }

/**
 * The terrain's ellipsoidal height (m) at lon/lat from the globe tiles loaded now, else the height
 * views look at (0 on the ellipsoid).
 */
export function terrainHeight(scene, lon, lat) {
  const h = scene.globe.getHeight(Cartographic.fromDegrees(lon, lat));
  return Number.isFinite(h) ? h : viewGround;
}

/** Underground mode: translucent ground with the given opacity; camera allowed below the surface. */
export function setUnderground(viewer, on, alpha) {
  const globe = viewer.scene.globe;
  viewer.scene.screenSpaceCameraController.enableCollisionDetection = !on;
  globe.translucency.enabled = on;
  globe.translucency.frontFaceAlpha = alpha;
  globe.translucency.backFaceAlpha = Math.min(1, alpha);
  // Ground fades when the camera is close, so the pipes under the street stay visible.
  globe.translucency.frontFaceAlphaByDistance = on ? new NearFarScalar(200, alpha, 20000, Math.max(alpha, 0.9)) : undefined;
  viewer.scene.requestRender();
}

/** The WMTS tile matrix set the viewer asks for: EPSG:4490, 2 × 1 tiles at level 0, the layout of
 * Cesium's GeographicTilingScheme, so the globe drapes the tiles without reprojecting them (costly
 * with software WebGL). */
export const WMTS_SET = 'CGCS2000Quad';

/**
 * A 2D layer of the server's WMTS (/wmts, RESTful GetTile, PNG with transparency) as globe imagery.
 * The tiles come from the server's tile store (built once, invalidated by the edits that touch
 * them). TIME is a path part: `current`, or the as-of date of the time slider.
 * @param layer  WMTS layer (a WMS layer name: road, zoning_parcel, coverage_cmcc_n41, …)
 * @param extent [w, s, e, n] degrees the layer is asked for
 * @param asOf   ISO date or null (now)
 */
export function wmtsLayer(viewer, layer, extent, asOf, { alpha = 0.85, style = 'default' } = {}) {
  // No whole-world tiles: start at the level where the service area spans a few tiles.
  const span = Math.max(extent[2] - extent[0], extent[3] - extent[1], 1e-4);
  const minimumLevel = Math.max(0, Math.min(16, Math.floor(Math.log2(360 / span)) - 1));
  const template = `${url('wmts/')}${encodeURIComponent(layer)}/{Style}/{Time}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png`;
  const provider = new WebMapTileServiceImageryProvider({
    url: template, layer, style, format: 'image/png', tileMatrixSetID: WMTS_SET,
    dimensions: { Time: asOf || 'current' },
    tilingScheme: new GeographicTilingScheme(),
    rectangle: Rectangle.fromDegrees(...extent), minimumLevel, maximumLevel: 20,
  });
  // Not on the coarse globe tiles: Cesium clamps the imagery level up to the provider's minimum, so
  // without minimumTerrainLevel every ancestor tile (levels 0..11 for `small`) would carry the
  // level-12 tiles, could not be drawn before they arrive and would drape them on its coarse mesh.
  const imagery = new ImageryLayer(provider, { alpha, minimumTerrainLevel: Math.max(0, minimumLevel - 2) });
  viewer.imageryLayers.add(imagery);
  return imagery;
}

/** Flies (or jumps) to a lon/lat extent from the south-west, looking down at 50° ({@link viewSphere}). */
export function viewExtent(viewer, extent, duration = 1.2) {
  const [w, s, e, n] = extent;
  const centre = Cartesian3.fromDegrees((w + e) / 2, (s + n) / 2, viewGround);
  const diagonal = Cartesian3.distance(Cartesian3.fromDegrees(w, s, 0), Cartesian3.fromDegrees(e, n, 0));
  viewSphere(viewer, new BoundingSphere(centre, diagonal / 2), duration);
}

/**
 * Flies (or jumps) to a bounding sphere (e.g. the pipe tilesets' public `boundingSphere`) from
 * the south-west (heading 20°), looking down at 50°, at 1.5 radii (250 m to 60 km).
 */
export function viewSphere(viewer, sphere, duration = 1.2) {
  const range = Math.min(60000, Math.max(250, sphere.radius * 1.5));
  const target = new BoundingSphere(sphere.center, 1);
  const offset = new HeadingPitchRange(CesiumMath.toRadians(20), CesiumMath.toRadians(-50), range);
  if (duration === 0) {
    viewer.camera.viewBoundingSphere(target, offset);
    viewer.camera.lookAtTransform(Matrix4.IDENTITY);
  } else {
    viewer.camera.flyToBoundingSphere(target, { offset, duration });
  }
  viewer.scene.requestRender();
}

/** Flies to a point (lon, lat, height) viewed from above at the given range. */
export function flyToPoint(viewer, lon, lat, h = 0, range = 120, duration = 1.0, headingDeg = 0, pitchDeg = -60) {
  const sphere = new BoundingSphere(Cartesian3.fromDegrees(lon, lat, h), 2);
  const offset = new HeadingPitchRange(CesiumMath.toRadians(headingDeg), CesiumMath.toRadians(pitchDeg), range);
  if (duration === 0) {
    viewer.camera.viewBoundingSphere(sphere, offset);
    viewer.camera.lookAtTransform(Matrix4.IDENTITY);
  } else {
    viewer.camera.flyToBoundingSphere(sphere, { offset, duration });
  }
  viewer.scene.requestRender();
}

/** The visible extent [w, s, e, n] in degrees (the service area when the view shows the horizon). */
export function viewExtentDegrees(viewer, fallback) {
  const r = viewer.camera.computeViewRectangle(viewer.scene.globe.ellipsoid);
  if (!r) return fallback;
  const out = [r.west, r.south, r.east, r.north].map(CesiumMath.toDegrees);
  if (out[2] - out[0] > 1 || out[3] - out[1] > 1) return fallback;
  return out;
}

/** Keyboard camera: arrows/WASD pan, Q/E down/up, +/- zoom; active when the canvas has focus. */
export function keyboardCamera(viewer, container) {
  const keys = new Set();
  container.addEventListener('keydown', (ev) => {
    if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'w', 'a', 's', 'd', 'q', 'e', '+', '-', '='].includes(ev.key)) {
      keys.add(ev.key);
      ev.preventDefault();
      viewer.scene.requestRender();
    }
  });
  container.addEventListener('keyup', (ev) => keys.delete(ev.key));
  container.addEventListener('blur', () => keys.clear());
  viewer.clock.onTick.addEventListener(() => {
    if (keys.size === 0) return;
    const camera = viewer.camera;
    const c = Cartographic.fromCartesian(camera.position);
    const ground = viewer.scene.globe.getHeight(c);
    const h = Math.max(20, Math.abs(c.height - (Number.isFinite(ground) ? ground : viewGround))); // above the terrain
    const step = h / 30;
    for (const k of keys) {
      if (k === 'ArrowUp' || k === 'w') camera.moveUp(step);
      if (k === 'ArrowDown' || k === 's') camera.moveDown(step);
      if (k === 'ArrowLeft' || k === 'a') camera.moveLeft(step);
      if (k === 'ArrowRight' || k === 'd') camera.moveRight(step);
      if (k === 'q') camera.move(Cartesian3.normalize(camera.position, new Cartesian3()), -step);
      if (k === 'e') camera.move(Cartesian3.normalize(camera.position, new Cartesian3()), step);
      if (k === '+' || k === '=') camera.moveForward(step * 2);
      if (k === '-') camera.moveBackward(step * 2);
    }
    viewer.scene.requestRender();
  });
}
