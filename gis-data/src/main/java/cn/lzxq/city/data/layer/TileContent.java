package cn.lzxq.city.data.layer;

import java.util.List;

/**
 * What the 3D tiles carry of a layer: the content group its tiles form, how they are built and the
 * feature properties each tile's property table holds.
 *
 * <p>Layers with the same {@code code} form one content (base stations and their antenna sectors
 * are one tower content); the first such layer in the catalog names the group and its folder.
 *
 * @param code content group code in tileset.json (the CJJ 61 network code for pipes, else e.g.
 *     {@code POINTS}, {@code STATIONS}, {@code PARCELS})
 * @param groupZh Chinese group name
 * @param folder URI folder of the content's tiles ({@code pipe_js} → {@code
 *     pipe_js/{level}/{x}/{y}.glb})
 * @param tileset the name of the tileset of this content alone ({@code
 *     /3dtiles/{tileset}/tileset.json})
 * @param encoding how the content's tiles are built
 * @param classId the metadata class id of the layer's features
 * @param classTitle the metadata class name ("管线段 pipe segment")
 * @param properties the class properties after {@code feature_id}, in order: column names of the
 *     layer's tile SQL ({@code sql/tiles3d/}); titles and units from the layer's attributes or, for
 *     values the tile computes, given here
 */
public record TileContent(
    String code,
    String groupZh,
    String folder,
    String tileset,
    TileEncoding encoding,
    String classId,
    String classTitle,
    List<TileProperty> properties) {

  public TileContent {
    properties = List.copyOf(properties);
  }

  /** How a content's tiles are built (one tile source per encoding in the server). */
  public enum TileEncoding {
    /** Pipe segments as tubes and boxes with fittings, by size band per level. */
    PIPES,
    /** Point appurtenances (manholes, valves, hydrants) as small models. */
    APPURTENANCES,
    /** Towers with their antenna sectors (the sectors' layer joins the towers' content). */
    TOWERS,
    /** The sectors carried by a {@link #TOWERS} content. */
    SECTORS,
    /** Polygons extruded from the ground to their height limit. */
    PARCELS,
    /** Buildings: footprints extruded to their height (LOD1) or their LOD2 walls and roofs. */
    BUILDINGS;

    /**
     * Whether the content stands on the DEM in absolute height mode (its tiles change with the
     * terrain): buildings, towers (with their sectors) and parcel envelopes.
     */
    public boolean onTerrain() {
      return this == BUILDINGS || this == TOWERS || this == PARCELS;
    }
  }

  /**
   * One property of a tile's feature class.
   *
   * @param name the property id (a column of the tile SQL)
   * @param required whether every feature has a value
   * @param computed the title and unit of a value the tile computes, or null when the property is
   *     the layer attribute of that name
   */
  public record TileProperty(String name, boolean required, Attribute computed) {

    /** A layer attribute every feature has. */
    public static TileProperty required(String name) {
      return new TileProperty(name, true, null);
    }

    /** A layer attribute that may be empty. */
    public static TileProperty optional(String name) {
      return new TileProperty(name, false, null);
    }

    /** A value computed for the tile (not a layer attribute). */
    public static TileProperty computed(Attribute attribute, boolean required) {
      return new TileProperty(attribute.name(), required, attribute);
    }
  }
}
