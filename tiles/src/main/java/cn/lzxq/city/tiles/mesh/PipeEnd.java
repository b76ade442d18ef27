package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Vec3;

/**
 * One pipe end meeting at a network node, as the fitting builder sees it.
 *
 * @param direction unit vector from the node along the pipe (local ENU)
 * @param profile the pipe's cross-section
 * @param sizeMm nominal size for comparisons: diameter, or the larger side of a duct (mm)
 * @param available length of the pipe (metres) that a fitting may take from this end
 */
public record PipeEnd(Vec3 direction, Profile profile, double sizeMm, double available) {}
