package cn.lzxq.city.data.io.feature;

import java.io.IOException;
import java.util.function.Consumer;

/** A layer of features in a file (a GeoJSON file, a GeoPackage table), read as a stream. */
public interface FeatureSource {

  /** The file name (with the table for a GeoPackage: {@code city.gpkg[pipe_js]}), for messages. */
  String source();

  /** The EPSG code of the coordinates (4326 for CRS84 GeoJSON: longitude, latitude). */
  int srid();

  /** The layer name the file states (GeoJSON "name", GeoPackage table name), or null. */
  String layerName();

  /**
   * The property name that holds a table column in this source: the column name itself, or what the
   * format makes of it (a shapefile's DBF keeps 10 characters).
   */
  default String propertyName(String column) {
    return column;
  }

  /** Reads every feature in file order; memory does not grow with the number of features. */
  void read(Consumer<FeatureRecord> sink) throws IOException;
}
