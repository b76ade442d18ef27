package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.server.db.DatabaseProperties;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tile matrix sets of WMTS and OGC API – Tiles: {@code WebMercatorQuad} (EPSG:3857, the OGC 2D
 * TMS registry's set, WMTS well-known scale set GoogleMapsCompatible), {@code CGCS2000Quad}
 * (EPSG:4490, defined here: neither WMTS Annex E nor the registry has one; 2 × 1 tiles at level 0
 * from the top-left corner 90°N 180°W, as Cesium's GeographicTilingScheme and the registry's
 * WorldCRS84Quad) and {@code EPSG<native srid>} (the native Gauss-Krüger CRS over the service area,
 * corner and cell size from {@link MapTilesProperties}).
 */
@Component
public class TileMatrixSets {

  /** Metres per degree on the CGCS2000 (= WGS 84) equator: 2π × 6,378,137 / 360. */
  static final double METRES_PER_DEGREE = 2 * Math.PI * 6_378_137 / 360;

  private static final double MERCATOR_HALF = 20037508.3427892;

  private final List<TileMatrixSet> sets;

  public TileMatrixSets(MapTilesProperties props, DatabaseProperties db) {
    int nativeSrid = db.nativeSrid();
    this.sets =
        List.of(
            new TileMatrixSet(
                "WebMercatorQuad",
                "Google Maps Compatible for the World (EPSG:3857)",
                CrsRef.epsg(3857),
                "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
                "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad",
                -MERCATOR_HALF,
                MERCATOR_HALF,
                2 * MERCATOR_HALF / TileMatrixSet.TILE_SIZE,
                1,
                1,
                props.maxLevel(),
                1),
            new TileMatrixSet(
                "CGCS2000Quad",
                "CGCS2000 geographic quad (EPSG:4490), 2 × 1 tiles at level 0",
                CrsRef.epsg(4490),
                null,
                null,
                -180,
                90,
                180.0 / TileMatrixSet.TILE_SIZE,
                2,
                1,
                props.maxLevel(),
                METRES_PER_DEGREE),
            new TileMatrixSet(
                "EPSG" + nativeSrid,
                "Native CRS EPSG:" + nativeSrid + " over Lanzhou New Area",
                CrsRef.epsg(nativeSrid),
                null,
                null,
                props.nativeLeft(),
                props.nativeTop(),
                props.nativeCellSize0(),
                1,
                1,
                props.nativeMaxLevel(),
                1));
  }

  /** Every set, WebMercatorQuad first. */
  public List<TileMatrixSet> all() {
    return sets;
  }

  /** The set of this identifier. */
  public Optional<TileMatrixSet> find(String id) {
    return sets.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The native set (the one in the storage CRS). */
  public TileMatrixSet nativeSet() {
    return sets.get(2);
  }
}
