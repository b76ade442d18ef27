package cn.lzxq.city.data.layer;

import java.util.List;
import java.util.Optional;

/**
 * The layers a service or command serves, in the order capabilities documents list them: every
 * protocol (WMS, WFS, OGC API, 3D Tiles, {@code /api/layers}, import and export) takes its layers
 * from one catalog. {@link #standard()} is the city model's ({@link CityLayers}).
 */
public final class LayerCatalog {

  private static final LayerCatalog STANDARD = new LayerCatalog(CityLayers.all());

  private final List<Layer> layers;

  /** A catalog of these layers; names must be unique. */
  public LayerCatalog(List<Layer> layers) {
    this.layers = List.copyOf(layers);
    if (this.layers.stream().map(Layer::name).distinct().count() != this.layers.size()) {
      throw new IllegalArgumentException(
          "duplicate layer names in " + this.layers.stream().map(Layer::name).toList());
    }
  }

  /** The city model's layers. */
  public static LayerCatalog standard() {
    return STANDARD;
  }

  /** This catalog with {@code layer} appended. */
  public LayerCatalog with(Layer layer) {
    List<Layer> more = new java.util.ArrayList<>(layers);
    more.add(layer);
    return new LayerCatalog(more);
  }

  /** Every layer, vector and raster. */
  public List<Layer> all() {
    return layers;
  }

  /** The vector layers: the feature types of WFS and the collections of OGC API Features. */
  public List<Layer> vectors() {
    return layers.stream().filter(Layer::isVector).toList();
  }

  /** The layer with this name. */
  public Optional<Layer> find(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The vector layer with this name. */
  public Optional<Layer> findVector(String name) {
    return find(name).filter(Layer::isVector);
  }
}
