package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.mesh.Profile;
import cn.lzxq.city.tiles.mesh.SideCountPolicy;

/** A pipe cross-section in millimetres: circular pipe or rectangular duct / box culvert. */
public sealed interface PipeProfile {

  /** Nominal size in millimetres (diameter, or the larger side). */
  double sizeMm();

  /** The mesh profile in metres at a detail level (0 coarse … 2 fine). */
  Profile profile(int detail);

  /**
   * @param diameterMm outer diameter in millimetres
   */
  record Circular(double diameterMm) implements PipeProfile {
    public Circular {
      if (!(diameterMm > 0)) {
        throw new IllegalArgumentException("diameter must be positive");
      }
    }

    @Override
    public double sizeMm() {
      return diameterMm;
    }

    @Override
    public Profile profile(int detail) {
      return Profile.circle(diameterMm / 2000, SideCountPolicy.sides(diameterMm, detail));
    }
  }

  /**
   * @param widthMm outer width in millimetres
   * @param heightMm outer height in millimetres
   */
  record Rectangular(double widthMm, double heightMm) implements PipeProfile {
    public Rectangular {
      if (!(widthMm > 0) || !(heightMm > 0)) {
        throw new IllegalArgumentException("duct sides must be positive");
      }
    }

    @Override
    public double sizeMm() {
      return Math.max(widthMm, heightMm);
    }

    @Override
    public Profile profile(int detail) {
      return Profile.rectangle(widthMm / 1000, heightMm / 1000);
    }
  }
}
