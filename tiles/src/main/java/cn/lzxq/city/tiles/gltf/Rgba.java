package cn.lzxq.city.tiles.gltf;

/**
 * A linear RGBA colour, each channel in 0..1 (alpha 1 = opaque).
 *
 * @param r red
 * @param g green
 * @param b blue
 * @param a alpha
 */
public record Rgba(double r, double g, double b, double a) {

  public Rgba {
    for (double c : new double[] {r, g, b, a}) {
      if (!(c >= 0 && c <= 1)) {
        throw new IllegalArgumentException("colour channel out of 0..1: " + c);
      }
    }
  }

  /** An opaque colour from a hex string such as {@code "#1E90FF"} (sRGB, converted to linear). */
  public static Rgba hex(String hex) {
    return hex(hex, 1);
  }

  /** A colour from a hex string (sRGB, converted to linear) with the given alpha. */
  public static Rgba hex(String hex, double alpha) {
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    int v = Integer.parseInt(h, 16);
    return new Rgba(linear((v >> 16) & 0xFF), linear((v >> 8) & 0xFF), linear(v & 0xFF), alpha);
  }

  private static double linear(int srgb) {
    double c = srgb / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** This colour with every channel but alpha multiplied by {@code k} (clamped). */
  public Rgba shaded(double k) {
    return new Rgba(Math.min(1, r * k), Math.min(1, g * k), Math.min(1, b * k), a);
  }

  /** Whether the colour is translucent (alpha below 1). */
  public boolean translucent() {
    return a < 1;
  }
}
