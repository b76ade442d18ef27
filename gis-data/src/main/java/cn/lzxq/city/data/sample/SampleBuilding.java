package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A sample building: an axis-aligned LOD1 block inside a zoning parcel.
 *
 * @param fid feature id
 * @param code 建筑编码 (parcel code + "-B" + number)
 * @param use building_use value
 * @param floors storeys above ground
 * @param heightM building height (GB 50352), metres
 * @param parcelCode the parcel it stands on
 * @param validFrom the completion date
 * @param ring footprint ring (EPSG:4544, Z = the terrain at its lowest corner)
 */
public record SampleBuilding(
    long fid,
    String code,
    String use,
    int floors,
    double heightM,
    String parcelCode,
    LocalDate validFrom,
    List<Xyz> ring) {}
