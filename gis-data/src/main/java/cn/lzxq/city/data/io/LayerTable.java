package cn.lzxq.city.data.io;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A layer that can be imported and exported, with the one table that holds it: the fixed list every
 * table identifier in import and export SQL comes from, derived from the layers of the catalog that
 * have an import key.
 *
 * <p>Pipe segments are one table ({@code pipe_segment}) split into a layer per network. The key
 * says which existing feature an imported one replaces (a new version, same fid).
 *
 * @param definition the catalog layer
 */
public record LayerTable(Layer definition) {

  /** The pipe point layer (CJJ 61 point tables import into it). */
  public static final LayerTable PIPE_POINT = byName("pipe_point").orElseThrow();

  /**
   * The water pipe layer (CJJ 61 line tables import through it; the network column picks the
   * layer).
   */
  public static final LayerTable PIPE_JS = byName("pipe_js").orElseThrow();

  /** Every importable layer of the city's catalog, in catalog order. */
  public static LayerTable[] values() {
    return LayerCatalog.standard().all().stream()
        .filter(l -> l.importKey() != null)
        .map(LayerTable::new)
        .toArray(LayerTable[]::new);
  }

  /** The layer name, the same in every protocol (pipe_js, base_station …). */
  public String layer() {
    return definition.name();
  }

  /** The table holding the layer. */
  public String table() {
    return definition.table();
  }

  /** The network code a pipe layer is restricted to, or null. */
  public String network() {
    return definition.fixedValues().get("network");
  }

  /** The columns that identify a feature across imports. */
  public List<String> key() {
    return definition.importKey().columns();
  }

  /** True when the key matches in either order (a segment A→B is the segment B→A). */
  public boolean keyEitherDirection() {
    return definition.importKey().eitherDirection();
  }

  /** The layer of a name (case-insensitive), if there is one. */
  public static Optional<LayerTable> byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return LayerCatalog.standard().find(n).filter(l -> l.importKey() != null).map(LayerTable::new);
  }
}
