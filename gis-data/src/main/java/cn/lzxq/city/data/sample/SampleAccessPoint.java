package cn.lzxq.city.data.sample;

import java.time.LocalDate;

/**
 * A generated public WLAN access point, one row of {@code wlan_ap}.
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param code 热点编码
 * @param ssid the network name
 * @param operator operator organization code
 * @param band 2.4GHz or 5GHz
 * @param mountHeightM antenna height above the ground, metres
 * @param eirpDbm EIRP, dBm
 * @param placement indoor or outdoor
 * @param validFrom the day it went into service
 * @param position easting, northing, ground elevation, metres
 */
public record SampleAccessPoint(
    long fid,
    String code,
    String ssid,
    String operator,
    String band,
    double mountHeightM,
    double eirpDbm,
    String placement,
    LocalDate validFrom,
    Xyz position) {

  SampleAccessPoint withFid(long newFid) {
    return new SampleAccessPoint(
        newFid, code, ssid, operator, band, mountHeightM, eirpDbm, placement, validFrom, position);
  }
}
