package cn.lzxq.city.data.io;

/** The file formats layers export to. */
public enum ExportFormat {
  /** GeoPackage 1.3, native CRS, one table per layer in one file. */
  GPKG,
  /** RFC 7946 GeoJSON, CRS84 with Z, one file per layer. */
  GEOJSON
}
