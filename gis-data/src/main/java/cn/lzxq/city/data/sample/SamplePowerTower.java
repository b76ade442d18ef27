package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated high-voltage power-line tower, one row of {@code power_tower}.
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param code 杆塔编号 (line code + number)
 * @param lineName the line it carries
 * @param voltageKv the line's voltage, kV
 * @param heightM tower height, metres
 * @param owner owner organization code
 * @param validFrom the day it went into service
 * @param foundation the foundation outline (基础边, EPSG:4544, Z = ground): a closed square ring
 */
public record SamplePowerTower(
    long fid,
    String code,
    String lineName,
    double voltageKv,
    double heightM,
    String owner,
    LocalDate validFrom,
    List<Xyz> foundation) {

  SamplePowerTower withFid(long newFid) {
    return new SamplePowerTower(
        newFid, code, lineName, voltageKv, heightM, owner, validFrom, foundation);
  }

  /** The foundation's west, south, east and north edges (x0, y0, x1, y1), metres. */
  double[] bounds() {
    return new double[] {
      foundation.get(0).x(), foundation.get(0).y(), foundation.get(2).x(), foundation.get(2).y()
    };
  }
}
