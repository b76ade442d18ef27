/**
 * The city's digital elevation model: import of any GDAL raster ({@link DemImporter}), its
 * versioned storage in tables {@code dem}/{@code dem_tile} ({@link DemStore}) as a grid in CGCS2000
 * longitude/latitude ({@link DemGrid}), bilinear height sampling, and the sample's synthetic loess
 * terrain ({@link SampleTerrain}).
 *
 * <p>Units: degrees for longitude/latitude, metres for heights, which are 1985 national datum
 * normal heights H; an ellipsoidal height is h = H + ζ with the configured height anomaly ζ.
 */
package cn.lzxq.city.data.terrain;
