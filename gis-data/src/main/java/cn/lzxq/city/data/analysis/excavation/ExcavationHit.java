package cn.lzxq.city.data.analysis.excavation;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/**
 * A pipe segment or pipe point the excavation reaches.
 *
 * @param kind pipe or point
 * @param fid feature id
 * @param network JS PS RQ RL DL TX
 * @param label the point's survey number and kind (阀门 …), or the pipe's DN in mm
 * @param topM pipes: highest top elevation inside the pit, metres
 * @param lengthInPitM pipes: plan length inside the pit, metres
 * @param geometry the part inside the pit, or the point (CRS84)
 */
public record ExcavationHit(
    String kind,
    long fid,
    String network,
    String label,
    String owner,
    String ownerName,
    Double topM,
    Double lengthInPitM,
    GeoJson geometry)
    implements Located {}
