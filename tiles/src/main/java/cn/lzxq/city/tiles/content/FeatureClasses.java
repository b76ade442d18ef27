package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.PropertyDef;
import cn.lzxq.city.tiles.gltf.PropertyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata classes of the contents. Every class starts with the required INT64 {@value #FEATURE_ID}
 * (the WFS / OGC API feature id), which the encoders fill in; the server may define richer classes
 * with {@link #withFeatureId(String, String, List)}.
 */
public final class FeatureClasses {

  /** Property id of the feature id column every class has. */
  public static final String FEATURE_ID = "feature_id";

  /** Fittings derived from the network topology (the library fills every column). */
  public static final MetadataClass FITTING =
      withFeatureId(
          "fitting",
          "Fitting",
          List.of(
              PropertyDef.required("kind", "Fitting kind", PropertyType.STRING),
              PropertyDef.required("size_mm", "Largest size (mm)", PropertyType.FLOAT32),
              PropertyDef.required("pipe_ids", "Pipes joined", PropertyType.STRING),
              PropertyDef.required("lon", "Longitude (deg)", PropertyType.FLOAT64),
              PropertyDef.required("lat", "Latitude (deg)", PropertyType.FLOAT64)));

  /** A minimal pipe class: network code, size, material, depth. */
  public static final MetadataClass PIPE =
      withFeatureId(
          "pipe",
          "Pipe segment",
          List.of(
              PropertyDef.required("network", "Network", PropertyType.STRING),
              PropertyDef.optional("size_mm", "Diameter or width (mm)", PropertyType.FLOAT32),
              PropertyDef.optional("material", "Material", PropertyType.STRING),
              PropertyDef.optional("depth_m", "Cover depth (m)", PropertyType.FLOAT64),
              PropertyDef.optional("pressurised", "Pressure pipe", PropertyType.BOOLEAN)));

  /** A minimal point-asset class. */
  public static final MetadataClass ASSET =
      withFeatureId(
          "pipe_point",
          "Pipe point",
          List.of(
              PropertyDef.required("kind", "Kind", PropertyType.STRING),
              PropertyDef.optional("network", "Network", PropertyType.STRING)));

  /** A minimal tower class. */
  public static final MetadataClass TOWER =
      withFeatureId(
          "base_station",
          "Base station",
          List.of(
              PropertyDef.required("tower_type", "Tower type", PropertyType.STRING),
              PropertyDef.optional("height_m", "Tower height (m)", PropertyType.FLOAT32),
              PropertyDef.optional("operators", "Operators", PropertyType.STRING)));

  /** A minimal antenna sector class. */
  public static final MetadataClass SECTOR =
      withFeatureId(
          "antenna_sector",
          "Antenna sector",
          List.of(
              PropertyDef.optional("azimuth_deg", "Azimuth (deg)", PropertyType.FLOAT32),
              PropertyDef.optional("downtilt_deg", "Total downtilt (deg)", PropertyType.FLOAT32),
              PropertyDef.optional("band", "Band", PropertyType.STRING)));

  /** A minimal zoning parcel class. */
  public static final MetadataClass PARCEL =
      withFeatureId(
          "zoning_parcel",
          "Zoning parcel",
          List.of(
              PropertyDef.optional("land_use", "Land use", PropertyType.STRING),
              PropertyDef.optional("height_limit_m", "Height limit (m)", PropertyType.FLOAT32),
              PropertyDef.optional("far", "Floor area ratio", PropertyType.FLOAT32),
              PropertyDef.optional("year", "Plan year", PropertyType.INT32)));

  private FeatureClasses() {}

  /** A class whose first property is the required {@value #FEATURE_ID}. */
  public static MetadataClass withFeatureId(String id, String name, List<PropertyDef> properties) {
    List<PropertyDef> all = new ArrayList<>();
    all.add(PropertyDef.required(FEATURE_ID, "Feature id", PropertyType.INT64));
    all.addAll(properties);
    return new MetadataClass(id, name, all);
  }
}
