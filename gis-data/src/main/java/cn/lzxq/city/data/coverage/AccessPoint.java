package cn.lzxq.city.data.coverage;

/**
 * A transmitting WLAN access point as the coverage grid reads it (a current, in-use {@code
 * wlan_ap}).
 *
 * @param fid feature id
 * @param band band name (2.4GHz, 5GHz, 6GHz): a row of {@code wlan_band}
 * @param x easting in the native CRS, metres
 * @param y northing in the native CRS, metres
 * @param mountHeightM antenna height above its ground, metres
 * @param eirpDbm EIRP, dBm (omnidirectional)
 * @param indoor true when it stands inside a building
 */
public record AccessPoint(
    long fid,
    String band,
    double x,
    double y,
    double mountHeightM,
    double eirpDbm,
    boolean indoor) {}
