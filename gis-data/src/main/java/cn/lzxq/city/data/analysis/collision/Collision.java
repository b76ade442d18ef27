package cn.lzxq.city.data.analysis.collision;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import cn.lzxq.city.data.analysis.pipe.PipeRef;

/**
 * Two pipe solids that overlap in 3D.
 *
 * @param centreDistanceM 3D distance between the centre lines, metres
 * @param overlapM sum of the radii minus that distance, metres (how deep they intersect)
 * @param geometry the clash point on a's centre line (CRS84, Z in metres)
 */
public record Collision(
    PipeRef a, PipeRef b, double centreDistanceM, double overlapM, GeoJson geometry)
    implements Located {}
