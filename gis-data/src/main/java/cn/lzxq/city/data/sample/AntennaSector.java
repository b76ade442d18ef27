package cn.lzxq.city.data.sample;

import java.time.LocalDate;

/**
 * A generated antenna sector, one row of {@code antenna_sector}.
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param siteCode the site
 * @param sectorNo number on the site, from 1
 * @param operator operator organization code
 * @param technology NR (all sample sectors are 5G)
 * @param band 3GPP band name (n41, n78, n28)
 * @param frequencyMhz centre frequency, MHz
 * @param azimuthDeg azimuth clockwise from grid north, degrees in [0, 360)
 * @param mechTiltDeg mechanical downtilt, degrees
 * @param elecTiltDeg electrical downtilt, degrees
 * @param antennaHeightM antenna height above ground, metres
 * @param hBeamwidthDeg horizontal half-power beamwidth, degrees
 * @param vBeamwidthDeg vertical half-power beamwidth, degrees
 * @param gainDbi antenna gain, dBi
 * @param eirpDbm EIRP, dBm
 * @param status in_use or planned
 * @param validFrom date it went on air (or is planned to)
 * @param position antenna position: easting, northing and elevation, metres
 */
public record AntennaSector(
    long fid,
    String siteCode,
    int sectorNo,
    String operator,
    String technology,
    String band,
    double frequencyMhz,
    double azimuthDeg,
    double mechTiltDeg,
    double elecTiltDeg,
    double antennaHeightM,
    double hBeamwidthDeg,
    double vBeamwidthDeg,
    double gainDbi,
    double eirpDbm,
    String status,
    LocalDate validFrom,
    Xyz position) {

  AntennaSector withFid(long newFid) {
    return new AntennaSector(
        newFid,
        siteCode,
        sectorNo,
        operator,
        technology,
        band,
        frequencyMhz,
        azimuthDeg,
        mechTiltDeg,
        elecTiltDeg,
        antennaHeightM,
        hBeamwidthDeg,
        vBeamwidthDeg,
        gainDbi,
        eirpDbm,
        status,
        validFrom,
        position);
  }
}
