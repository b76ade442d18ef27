package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated base-station site with its tower, one row of {@code base_station}.
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param siteCode 站址编码
 * @param siteName 站址名称
 * @param areaType dense_urban, urban, suburban or rural
 * @param address address
 * @param towerType 塔型 (单管塔, 三管塔, 角钢塔, 景观塔, 灯杆)
 * @param towerHeightM tower height, metres
 * @param platformCount antenna platforms
 * @param sharingStatus sole, shared2 or shared3
 * @param tenants operator organization codes
 * @param owner the tower company
 * @param buildYear construction year
 * @param status in_use or planned
 * @param validFrom construction (or planned) date
 * @param position easting, northing, ground elevation, metres
 */
public record BaseStation(
    long fid,
    String siteCode,
    String siteName,
    String areaType,
    String address,
    String towerType,
    double towerHeightM,
    int platformCount,
    String sharingStatus,
    List<String> tenants,
    String owner,
    int buildYear,
    String status,
    LocalDate validFrom,
    Xyz position) {

  BaseStation withFid(long newFid) {
    return new BaseStation(
        newFid,
        siteCode,
        siteName,
        areaType,
        address,
        towerType,
        towerHeightM,
        platformCount,
        sharingStatus,
        tenants,
        owner,
        buildYear,
        status,
        validFrom,
        position);
  }
}
