package cn.lzxq.city.data.layer;

import org.locationtech.jts.geom.Envelope;

/**
 * What one read measured of a vector layer's current features (those served: rows whose geometry
 * holds a non-finite coordinate are left out).
 *
 * @param count the number of current features
 * @param nativeBox their box in the native CRS (easting/northing, metres), or null when there are
 *     none
 * @param crs84 their extent in CRS84 (minimum longitude, minimum latitude, maximum longitude,
 *     maximum latitude, degrees; the native box's corners transformed), or null when there are none
 */
public record LayerMeasure(long count, Envelope nativeBox, double[] crs84) {}
