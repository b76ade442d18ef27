package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.edit.GeometryCheck;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where written geometries may lie ({@code city.edit.*}): the service area as a CRS84 box in
 * degrees (default Lanzhou New Area, 103.55–103.85°E, 36.28–36.72°N) and a margin around it. Not
 * the CRS's area of use: EPSG:4544 ends at 103.5°E, on the New Area's western edge.
 *
 * @param west western edge, degrees east
 * @param south southern edge, degrees north
 * @param east eastern edge, degrees east
 * @param north northern edge, degrees north
 * @param marginDegrees how far outside the box a geometry may reach, degrees
 * @param maxConcurrent edit transactions holding a database connection at once (others queue)
 * @param lockExpiry how long a WFS feature lock lasts when the request names no expiry
 * @param maxLockExpiry the longest expiry a lock request may ask for (longer: refused)
 * @param maxLockedFeatures the most features one lock request may lock (more: refused)
 */
@ConfigurationProperties("city.edit")
public record EditProperties(
    @DefaultValue("103.55") double west,
    @DefaultValue("36.28") double south,
    @DefaultValue("103.85") double east,
    @DefaultValue("36.72") double north,
    @DefaultValue("0.05") double marginDegrees,
    @DefaultValue("4") int maxConcurrent,
    @DefaultValue("5m") Duration lockExpiry,
    @DefaultValue("1h") Duration maxLockExpiry,
    @DefaultValue("10000") int maxLockedFeatures) {

  /** Refuses lock settings that are not positive or whose default exceeds the maximum. */
  public EditProperties {
    if (lockExpiry.isNegative()
        || lockExpiry.isZero()
        || maxLockExpiry.compareTo(lockExpiry) < 0
        || maxLockedFeatures < 1) {
      throw new IllegalArgumentException(
          "city.edit: lock-expiry must be positive and at most max-lock-expiry ("
              + lockExpiry
              + " > "
              + maxLockExpiry
              + "?), max-locked-features at least 1");
    }
  }

  /** The check these settings configure. */
  GeometryCheck geometryCheck() {
    return new GeometryCheck(new ServiceArea(west, south, east, north), marginDegrees);
  }
}
