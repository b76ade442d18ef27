package cn.lzxq.city.server.wms;

/** The exception codes of WMS 1.3.0 (Annex A.5) besides the OWS ones in {@code OwsException}. */
public final class WmsCodes {

  public static final String INVALID_FORMAT = "InvalidFormat";
  public static final String INVALID_CRS = "InvalidCRS";
  public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
  public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
  public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
  public static final String INVALID_POINT = "InvalidPoint";
  public static final String MISSING_DIMENSION_VALUE = "MissingDimensionValue";
  public static final String INVALID_DIMENSION_VALUE = "InvalidDimensionValue";

  private WmsCodes() {}
}
