package cn.lzxq.city.server.tiles3d.content;

import org.locationtech.jts.geom.Geometry;

/**
 * Where a feature puts content, for the subtree availability: the level it appears at and its
 * geometry in longitude/latitude degrees (x = longitude).
 *
 * @param level tree level (ADD refinement: the feature appears at this level only)
 * @param lonLat geometry in degrees
 * @param reachM how far in metres its mesh extends beyond the geometry (a pipe's radius and
 *     fittings); a point with reach 0 belongs only to the tile that owns it
 */
public record Footprint(int level, Geometry lonLat, double reachM) {}
