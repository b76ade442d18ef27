package cn.lzxq.city.data.analysis.pipe;

import cn.lzxq.city.data.crs.CrsRef;
import tools.jackson.databind.JsonNode;

/**
 * A pipe that is planned but not yet in the database, checked against the existing network.
 *
 * @param geometry GeoJSON LineString in {@code crs} (plan position; Z ignored)
 * @param network type: JS PS RQ RL DL TX
 * @param subtype CJJ 61 subtype code, optional
 * @param dnMm DN, millimetres
 * @param depthM depth below ground to the surveyed reference of its network (top; invert for
 *     drainage), metres
 * @param pressureClass gas pressure class (L MB MA SHB SHA …), optional
 * @param laying CJJ 61 laying code (ZM, GM …), optional
 * @param material CJJ 61 material code (T, QM, G, PE …), optional: with it the outside diameter and
 *     wall come from pipe_wall (a concrete drain's wall, a ductile-iron pipe's outside diameter);
 *     without it DN is taken as the outside diameter
 */
public record ProposedPipe(
    JsonNode geometry,
    CrsRef crs,
    String network,
    String subtype,
    int dnMm,
    double depthM,
    String pressureClass,
    String laying,
    String material) {}
