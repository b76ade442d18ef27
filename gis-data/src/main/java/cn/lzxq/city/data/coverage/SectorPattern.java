package cn.lzxq.city.data.coverage;

/**
 * The sector antenna pattern of 3GPP TR 36.814 Table A.2.1.1-2 (parabolic in dB), relative to
 * boresight:
 *
 * <pre>
 * A_H(φ) = −min(12 (φ / φ3dB)², Am)              Am = 25 dB
 * A_V(θ) = −min(12 ((θ − θetilt) / θ3dB)², SLAv)  SLAv = 20 dB
 * A(φ, θ) = −min(−(A_H(φ) + A_V(θ)), Am)
 * </pre>
 *
 * φ and θ are the azimuth and the depression (positive below the horizon) of the direction in the
 * antenna's own frame. The electrical downtilt θetilt enters the vertical pattern; the mechanical
 * downtilt tilts the whole antenna, so a direction is first turned into the antenna's frame (a
 * rotation about the horizontal axis across the boresight, as TR 38.901 §7.1.3 does): on boresight
 * the two tilts add, at ±90° the mechanical one does not act.
 *
 * @param hBeamwidthDeg horizontal half-power beamwidth φ3dB, degrees
 * @param vBeamwidthDeg vertical half-power beamwidth θ3dB, degrees
 * @param mechTiltDeg mechanical downtilt, degrees (positive down)
 * @param elecTiltDeg electrical downtilt, degrees (positive down)
 */
public record SectorPattern(
    double hBeamwidthDeg, double vBeamwidthDeg, double mechTiltDeg, double elecTiltDeg) {

  /** Front-to-back ratio Am, dB. */
  public static final double FRONT_TO_BACK_DB = 25;

  /** Vertical side-lobe level SLAv, dB. */
  public static final double SIDE_LOBE_DB = 20;

  public SectorPattern {
    if (!(hBeamwidthDeg > 0 && hBeamwidthDeg <= 360 && vBeamwidthDeg > 0 && vBeamwidthDeg <= 180)) {
      throw new IllegalArgumentException(
          "beamwidths must be positive: " + hBeamwidthDeg + "°, " + vBeamwidthDeg + "°");
    }
  }

  /** Horizontal pattern A_H at azimuth φ off boresight (degrees, any sign), dB (≤ 0). */
  public double horizontalDb(double azimuthOffDeg) {
    double x = azimuthOffDeg / hBeamwidthDeg;
    return -Math.min(12 * x * x, FRONT_TO_BACK_DB);
  }

  /** Vertical pattern A_V at depression θ in the antenna's frame (degrees), dB (≤ 0). */
  public double verticalDb(double depressionDeg) {
    double x = (depressionDeg - elecTiltDeg) / vBeamwidthDeg;
    return -Math.min(12 * x * x, SIDE_LOBE_DB);
  }

  /**
   * The pattern's relative gain towards a direction, dB (≤ 0; 0 on the tilted boresight).
   *
   * @param azimuthOffDeg the direction's azimuth minus the sector's azimuth, degrees, clockwise
   * @param depressionDeg the direction's angle below the horizon, degrees
   */
  public double relativeGainDb(double azimuthOffDeg, double depressionDeg) {
    double phi = Math.toRadians(azimuthOffDeg);
    double theta = Math.toRadians(depressionDeg);
    return relativeGainDb(
        Math.cos(theta) * Math.cos(phi), Math.cos(theta) * Math.sin(phi), Math.sin(theta));
  }

  /**
   * As {@link #relativeGainDb(double, double)} for a unit direction in the sector's horizontal
   * frame (no trigonometry of the caller's): {@code forward} along the sector azimuth, {@code
   * right} 90° clockwise of it, {@code down} towards the ground.
   */
  public double relativeGainDb(double forward, double right, double down) {
    double beta = Math.toRadians(mechTiltDeg);
    return relativeGainDb(forward, right, down, Math.cos(beta), Math.sin(beta));
  }

  /** The same with the mechanical tilt's cosine and sine given (the grid computes them once). */
  double relativeGainDb(double forward, double right, double down, double cosTilt, double sinTilt) {
    // into the antenna's frame, tilted down about the horizontal axis across the boresight
    double xa = forward * cosTilt + down * sinTilt;
    double da = down * cosTilt - forward * sinTilt;
    double localAzimuth = Math.toDegrees(Math.atan2(right, xa));
    double localDepression = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, da))));
    return -Math.min(-(horizontalDb(localAzimuth) + verticalDb(localDepression)), FRONT_TO_BACK_DB);
  }
}
