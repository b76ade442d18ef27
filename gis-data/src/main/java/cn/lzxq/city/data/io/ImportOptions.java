package cn.lzxq.city.data.io;

import cn.lzxq.city.data.ServiceArea;
import java.nio.charset.Charset;

/**
 * How to import a set of files.
 *
 * @param user who imports (changed_by of the new versions)
 * @param layer the layer for GeoJSON/GeoPackage input, or null to take it from the file (GeoJSON
 *     "name" or file name, GeoPackage table name); CJJ 61 tables ignore it
 * @param encoding CSV encoding, or null to detect UTF-8 (with or without BOM) or GB18030/GBK
 * @param sourceSrid EPSG code of the X/Y columns of CJJ 61 tables, or null for the native CRS
 * @param dryRun check only, write nothing
 * @param serviceArea coordinates must lie in it
 */
public record ImportOptions(
    String user,
    String layer,
    Charset encoding,
    Integer sourceSrid,
    boolean dryRun,
    ServiceArea serviceArea) {

  /**
   * Defaults: the given user, layer from the file, detected encoding, native CRS, write, Lanzhou
   * New Area.
   */
  public static ImportOptions defaults(String user) {
    return new ImportOptions(user, null, null, null, false, ServiceArea.LANZHOU_NEW_AREA);
  }

  /** The same options as a dry run. */
  ImportOptions asDryRun() {
    return new ImportOptions(user, layer, encoding, sourceSrid, true, serviceArea);
  }

  /** The same options for a layer. */
  ImportOptions withLayer(String newLayer) {
    return new ImportOptions(user, newLayer, encoding, sourceSrid, dryRun, serviceArea);
  }
}
