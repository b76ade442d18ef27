// Distance, height and area measurement; results stay on the scene as labelled graphics until cleared.
import {
  Cartesian2, Cartesian3, Cartographic, Color, HorizontalOrigin, LabelStyle, Matrix4, PolygonHierarchy,
  Transforms, VerticalOrigin,
} from 'cesium';
import { draw } from './draw.js';
import { t } from './i18n.js';

const COLOR = Color.fromCssColorString('#ffd400');

export function fmtLen(m) { return m >= 1000 ? `${(m / 1000).toFixed(3)} km` : `${m.toFixed(2)} m`; }
export function fmtArea(m2) { return m2 >= 1e6 ? `${(m2 / 1e6).toFixed(4)} km²` : `${m2.toFixed(1)} m²`; }

/** Horizontal distance of two positions (on the ellipsoid surface, heights ignored). */
function planDistance(a, b) {
  const ca = Cartographic.fromCartesian(a);
  const cb = Cartographic.fromCartesian(b);
  return Cartesian3.distance(Cartesian3.fromRadians(ca.longitude, ca.latitude, 0), Cartesian3.fromRadians(cb.longitude, cb.latitude, 0));
}

/** Plan area of a polygon in a local east-north plane at its first vertex (m²). */
export function planArea(positions) {
  const toLocal = Matrix4.inverseTransformation(Transforms.eastNorthUpToFixedFrame(positions[0]), new Matrix4());
  const pts = positions.map((p) => Matrix4.multiplyByPoint(toLocal, p, new Cartesian3()));
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

export class Measurer {
  constructor(viewer, status) {
    this.viewer = viewer;
    this.status = status;
    this.entities = [];
    this.last = null;
  }

  label(position, text) {
    this.entities.push(this.viewer.entities.add({
      position,
      label: {
        text, font: '14px sans-serif', fillColor: Color.WHITE, outlineColor: Color.BLACK, outlineWidth: 3,
        style: LabelStyle.FILL_AND_OUTLINE, showBackground: true, backgroundColor: new Color(0, 0, 0, 0.6),
        horizontalOrigin: HorizontalOrigin.LEFT, verticalOrigin: VerticalOrigin.BOTTOM,
        pixelOffset: new Cartesian2(8, -8), disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    }));
  }

  line(positions, closed) {
    this.entities.push(this.viewer.entities.add({
      polyline: { positions: closed ? [...positions, positions[0]] : positions, width: 3, material: COLOR, depthFailMaterial: COLOR },
    }));
  }

  async run(kind) {
    const v = this.viewer;
    if (kind === 'distance') {
      this.status(t('hintDistance'));
      const pts = await draw(v, 'polyline', { color: COLOR });
      if (!pts) return this.status('');
      return this.showDistance(pts);
    }
    if (kind === 'height') {
      this.status(t('hintHeight'));
      const pts = await draw(v, 'line', { color: COLOR });
      if (!pts) return this.status('');
      return this.showHeight(pts);
    }
    if (kind === 'area') {
      this.status(t('hintPolygon'));
      const pts = await draw(v, 'polygon', { color: COLOR, preferGround: true });
      if (!pts) return this.status('');
      return this.showArea(pts);
    }
    return null;
  }

  showDistance(pts) {
    let d3 = 0;
    let d2 = 0;
    for (let i = 1; i < pts.length; i++) { d3 += Cartesian3.distance(pts[i - 1], pts[i]); d2 += planDistance(pts[i - 1], pts[i]); }
    this.line(pts, false);
    const text = `${t('distance')} ${fmtLen(d3)} (${t('horizontal')} ${fmtLen(d2)})`;
    this.label(pts.at(-1), text);
    this.finish({ kind: 'distance', distanceM: d3, planDistanceM: d2 }, text);
    return this.last;
  }

  showHeight(pts) {
    const [a, b] = pts.map((p) => Cartographic.fromCartesian(p));
    const dh = b.height - a.height;
    const low = a.height < b.height ? a : b;
    const high = a.height < b.height ? b : a;
    const corner = Cartesian3.fromRadians(high.longitude, high.latitude, low.height);
    this.line([Cartesian3.fromRadians(low.longitude, low.latitude, low.height), corner, Cartesian3.fromRadians(high.longitude, high.latitude, high.height)], false);
    const text = `${t('heightDiff')} ${dh.toFixed(2)} m (${t('horizontal')} ${fmtLen(planDistance(pts[0], pts[1]))})`;
    this.label(pts[1], text);
    this.finish({ kind: 'height', heightM: dh, planDistanceM: planDistance(pts[0], pts[1]) }, text);
    return this.last;
  }

  showArea(pts) {
    const area = planArea(pts);
    let per = 0;
    for (let i = 0; i < pts.length; i++) per += planDistance(pts[i], pts[(i + 1) % pts.length]);
    this.line(pts, true);
    this.entities.push(this.viewer.entities.add({ polygon: { hierarchy: new PolygonHierarchy(pts), material: COLOR.withAlpha(0.25), perPositionHeight: true } }));
    const text = `${t('area')} ${fmtArea(area)}, ${t('perimeter')} ${fmtLen(per)}`;
    this.label(pts[0], text);
    this.finish({ kind: 'area', areaM2: area, perimeterM: per }, text);
    return this.last;
  }

  finish(result, text) {
    this.last = result;
    this.status(text);
    this.viewer.scene.requestRender();
  }

  clear() {
    for (const e of this.entities) this.viewer.entities.remove(e);
    this.entities = [];
    this.last = null;
    this.viewer.scene.requestRender();
  }
}
