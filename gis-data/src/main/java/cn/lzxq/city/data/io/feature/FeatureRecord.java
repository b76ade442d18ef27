package cn.lzxq.city.data.io.feature;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a GeoJSON or GeoPackage file.
 *
 * @param number the 1-based feature number in the file (reported as the row)
 * @param properties property values: String, BigDecimal, Long, Double, Boolean, List, JTS Geometry
 *     or null
 * @param geometry the geometry in the source's CRS, or null when missing or unreadable
 * @param geometryProblem why the geometry could not be read, or null
 */
public record FeatureRecord(
    long number, Map<String, Object> properties, Geometry geometry, String geometryProblem) {}
