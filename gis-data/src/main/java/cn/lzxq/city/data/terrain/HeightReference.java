package cn.lzxq.city.data.terrain;

/** What the heights of an imported DEM are measured from. */
public enum HeightReference {
  /** Normal heights H of the 1985 national height datum, stored as they are. */
  NORMAL_1985,
  /**
   * Heights above the CGCS2000 ellipsoid h, stored as H = h − ζ with the configured height anomaly
   * ζ.
   */
  ELLIPSOIDAL
}
