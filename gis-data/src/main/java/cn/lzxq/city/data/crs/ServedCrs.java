package cn.lzxq.city.data.crs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CRSs every service offers: the native CRS first, then EPSG:4544, 4490, 4326, CRS:84, 3857 and
 * 4523 (CGCS2000 GK zone 35 with the zone prefix).
 */
public final class ServedCrs {

  private static final List<CrsRef> STANDARD =
      List.of(
          CrsRef.epsg(4544),
          CrsRef.epsg(4490),
          CrsRef.epsg(4326),
          CrsRef.CRS84,
          CrsRef.epsg(3857),
          CrsRef.epsg(4523));

  private ServedCrs() {}

  /** The offered CRSs for a database whose native SRID is {@code nativeSrid}. */
  public static List<CrsRef> forNative(int nativeSrid) {
    Set<CrsRef> all = new LinkedHashSet<>();
    all.add(CrsRef.epsg(nativeSrid));
    all.addAll(STANDARD);
    return new ArrayList<>(all);
  }

  /** True when {@code crs} is offered. */
  public static boolean offered(CrsRef crs, int nativeSrid) {
    return forNative(nativeSrid).contains(crs);
  }
}
