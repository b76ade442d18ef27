package cn.lzxq.city.data.sample;

import java.time.LocalDate;

/**
 * A generated street tree, one row of {@code street_tree}.
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param code 树木编号 (road code, side, number; a planted defect's id at its end)
 * @param species Chinese species name
 * @param speciesLatin Latin name
 * @param diameterCm trunk diameter at breast height (胸径), centimetres
 * @param roadName the road it lines
 * @param validFrom the day it was planted
 * @param position the trunk centre: easting, northing, ground elevation, metres
 */
public record SampleStreetTree(
    long fid,
    String code,
    String species,
    String speciesLatin,
    double diameterCm,
    String roadName,
    LocalDate validFrom,
    Xyz position) {

  SampleStreetTree withFid(long newFid) {
    return new SampleStreetTree(
        newFid, code, species, speciesLatin, diameterCm, roadName, validFrom, position);
  }
}
