package cn.lzxq.city.data.analysis.clearance;

/**
 * A feature that is not a pipe in a clearance answer: a base-station tower or a building.
 *
 * @param layer base_station or building
 * @param type its clearance_type column (POLE, BUILDING)
 * @param fid stable feature id
 * @param code site code or building code
 * @param name site or building name
 */
public record FeatureRef(String layer, String type, long fid, String code, String name) {}
