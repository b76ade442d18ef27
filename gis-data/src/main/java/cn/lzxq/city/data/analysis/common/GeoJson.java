package cn.lzxq.city.data.analysis.common;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A GeoJSON geometry in CRS84 (longitude, latitude, degrees; Z in metres), kept as the text PostGIS
 * wrote ({@code ST_AsGeoJSON}) and written into responses as is.
 *
 * @param json the geometry object text
 */
public record GeoJson(String json) {

  @JsonValue
  @JsonRawValue
  public String json() {
    return json;
  }
}
