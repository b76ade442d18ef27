package cn.lzxq.city.tiles.tileset;

import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.PropertyDef;
import cn.lzxq.city.tiles.gltf.PropertyType;
import cn.lzxq.city.tiles.tiling.GeometricErrorPolicy;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tileset.json of an implicit quadtree with ADD refinement: root region, root geometric
 * error from the policy (the tileset's own error is twice that), content URI template {@code
 * {level}/{x}/{y}.glb} per layer, subtrees at {@code subtrees/{level}/{x}/{y}.subtree}, and an
 * inline schema with the group class (and any content classes) so several layers can be one tileset
 * with one content group each.
 */
public final class ImplicitTilesetFactory {

  /** The group class: {@code code} (e.g. JS) and {@code name} (e.g. 给水). */
  public static final MetadataClass GROUP_CLASS =
      new MetadataClass(
          "layer",
          "Content layer",
          List.of(
              PropertyDef.required("code", "Code", PropertyType.STRING),
              PropertyDef.optional("name", "Name", PropertyType.STRING)));

  /** Subtree URI template. */
  public static final String SUBTREE_URI = "subtrees/{level}/{x}/{y}.subtree";

  private ImplicitTilesetFactory() {}

  /**
   * @param tree the quadtree
   * @param errors geometric error per level
   * @param layers contents per tile (at least one); with one layer a plain {@code content} is
   *     written
   * @param contentClasses metadata classes of the contents, listed in the schema for clients
   * @param tilesetVersion application version, or null
   */
  public static Tileset create(
      ImplicitQuadtree tree,
      GeometricErrorPolicy errors,
      List<ContentLayer> layers,
      List<MetadataClass> contentClasses,
      String tilesetVersion) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a tileset needs at least one content layer");
    }
    List<MetadataClass> classes = new ArrayList<>();
    classes.add(GROUP_CLASS);
    classes.addAll(contentClasses);
    List<Group> groups = new ArrayList<>();
    List<Tile.Content> contents = new ArrayList<>();
    for (ContentLayer layer : layers) {
      contents.add(new Tile.Content(layer.uriTemplate(), groups.size()));
      groups.add(new Group(GROUP_CLASS.id(), layer.groupProperties()));
    }
    boolean single = layers.size() == 1;
    Tile root =
        new Tile(
            new Tile.BoundingVolume(tree.root().toArray()),
            errors.errorAt(0),
            "ADD",
            single ? contents.get(0) : null,
            single ? null : contents,
            new Tile.ImplicitTiling(
                "QUADTREE",
                tree.subtreeLevels(),
                tree.availableLevels(),
                new Tile.Subtrees(SUBTREE_URI)));
    return new Tileset(
        new Tileset.Asset("1.1", tilesetVersion),
        Schema.of("lzxq_city", classes),
        groups,
        2 * errors.errorAt(0),
        root);
  }
}
