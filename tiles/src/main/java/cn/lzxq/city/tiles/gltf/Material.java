package cn.lzxq.city.tiles.gltf;

/**
 * A glTF PBR metallic-roughness material without textures. Translucent colours get {@code alphaMode
 * BLEND}.
 *
 * @param name material name
 * @param colour base colour factor (linear)
 * @param metallic metallic factor 0..1
 * @param roughness roughness factor 0..1
 * @param doubleSided render back faces too (envelopes seen from inside)
 */
public record Material(
    String name, Rgba colour, double metallic, double roughness, boolean doubleSided) {

  /** A painted-metal look: metallic 0.3, roughness 0.6, single-sided. */
  public static Material of(String name, Rgba colour) {
    return new Material(name, colour, 0.3, 0.6, false);
  }

  /** A translucent, double-sided, non-metallic envelope. */
  public static Material envelope(String name, Rgba colour) {
    return new Material(name, colour, 0, 0.9, true);
  }
}
