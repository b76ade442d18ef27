package cn.lzxq.city.tiles.tileset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A tile of tileset.json (here: the implicit root).
 *
 * @param boundingVolume the root region
 * @param geometricError metres
 * @param refine "ADD" or "REPLACE"
 * @param content single content (template URI), or null
 * @param contents several contents (template URIs, with groups), or null
 * @param implicitTiling implicit subdivision, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tile(
    BoundingVolume boundingVolume,
    double geometricError,
    String refine,
    Content content,
    List<Content> contents,
    ImplicitTiling implicitTiling) {

  /**
   * @param region west, south, east, north (radians), minimum and maximum height (metres)
   */
  public record BoundingVolume(double[] region) {}

  /**
   * @param uri content URI or template ({@code {level}/{x}/{y}.glb})
   * @param group index into {@link Tileset#groups()}, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Content(String uri, Integer group) {}

  /**
   * @param subdivisionScheme "QUADTREE"
   * @param subtreeLevels levels per subtree file
   * @param availableLevels levels in the tree
   * @param subtrees where the subtree files are
   */
  public record ImplicitTiling(
      String subdivisionScheme, int subtreeLevels, int availableLevels, Subtrees subtrees) {}

  /**
   * @param uri subtree URI template, e.g. {@code subtrees/{level}/{x}/{y}.subtree}
   */
  public record Subtrees(String uri) {}
}
