package cn.lzxq.city.data.layer;

/** Whether a layer's features are rows of a table (vector) or cells of a coverage (raster). */
public enum LayerKind {
  /** Features with a geometry and attributes: WMS, WFS, OGC API Features, 3D Tiles. */
  VECTOR,
  /** A grid of values (orthophoto, DEM, coverage): served as maps and tiles, never as features. */
  RASTER
}
