package cn.lzxq.city.tiles.tiling;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects the availability of one subtree and writes the binary {@code .subtree} file of the 3D
 * Tiles 1.1 implicit tiling specification: a 24-byte header (magic {@code 0x74627573} "subt",
 * version 1, JSON and binary byte lengths as UINT64), the JSON chunk padded with spaces to a
 * multiple of 8, and the binary chunk padded with zeros to a multiple of 8. Each availability is a
 * constant when all bits agree, otherwise a bitstream buffer view (8-byte aligned) with {@code
 * availableCount}; bit i is bit (i mod 8) of byte i/8. Tiles are indexed level by level, by Morton
 * index within the level: index = (4^d − 1) / 3 + morton for relative depth d.
 */
public final class SubtreeBuilder {

  /** The subtree magic "subt" as a little-endian UINT32. */
  public static final int MAGIC = 0x74627573;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final TileCoord root;
  private final int levels;
  private final BitSet tiles = new BitSet();
  private final List<BitSet> contents = new ArrayList<>();
  private final BitSet childSubtrees = new BitSet();

  /**
   * @param root the subtree's root tile
   * @param subtreeLevels levels in the subtree
   * @param contentCount number of contents per tile (0 when tiles have no content)
   */
  public SubtreeBuilder(TileCoord root, int subtreeLevels, int contentCount) {
    this.root = root;
    this.levels = subtreeLevels;
    for (int i = 0; i < contentCount; i++) {
      contents.add(new BitSet());
    }
  }

  /** Number of tiles in a full subtree: (4^levels − 1) / 3. */
  public int tileCount() {
    return (int) (((1L << (2 * levels)) - 1) / 3);
  }

  /** The bit index of a tile inside this subtree. */
  public int indexOf(TileCoord tile) {
    int d = tile.level() - root.level();
    if (d < 0 || d >= levels || !tile.ancestor(root.level()).equals(root)) {
      throw new IllegalArgumentException(tile + " is not in the subtree of " + root);
    }
    return (int) (((1L << (2 * d)) - 1) / 3 + tile.mortonRelativeTo(root));
  }

  /** Marks a tile, and its ancestors up to the subtree root, available. */
  public void tileAvailable(TileCoord tile) {
    for (TileCoord t = tile; t.level() >= root.level(); t = t.parent()) {
      tiles.set(indexOf(t));
      if (t.level() == 0) {
        break;
      }
    }
  }

  /** Marks content {@code content} of a tile available (and the tile itself). */
  public void contentAvailable(TileCoord tile, int content) {
    tileAvailable(tile);
    contents.get(content).set(indexOf(tile));
  }

  /** Marks the subtree rooted at {@code childRoot} (levels below this subtree) available. */
  public void childSubtreeAvailable(TileCoord childRoot) {
    if (childRoot.level() != root.level() + levels
        || !childRoot.ancestor(root.level()).equals(root)) {
      throw new IllegalArgumentException(childRoot + " is not a child subtree of " + root);
    }
    childSubtrees.set((int) childRoot.mortonRelativeTo(root));
    tileAvailable(childRoot.ancestor(root.level() + levels - 1));
  }

  /** The binary subtree file. */
  public byte[] toBytes() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    ArrayNode views = JsonNodeFactory.instance.arrayNode();
    json.set("tileAvailability", availability(tiles, tileCount(), bin, views));
    if (!contents.isEmpty()) {
      ArrayNode ca = json.putArray("contentAvailability");
      for (BitSet c : contents) {
        ca.add(availability(c, tileCount(), bin, views));
      }
    }
    json.set(
        "childSubtreeAvailability", availability(childSubtrees, 1 << (2 * levels), bin, views));
    pad(bin, (byte) 0);
    if (bin.size() > 0) {
      json.putArray("buffers").addObject().put("byteLength", bin.size());
      json.set("bufferViews", views);
    }
    ByteArrayOutputStream jsonBytes = new ByteArrayOutputStream();
    jsonBytes.writeBytes(MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    pad(jsonBytes, (byte) ' ');
    ByteBuffer out =
        ByteBuffer.allocate(24 + jsonBytes.size() + bin.size()).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(MAGIC).putInt(1).putLong(jsonBytes.size()).putLong(bin.size());
    out.put(jsonBytes.toByteArray()).put(bin.toByteArray());
    return out.array();
  }

  private static ObjectNode availability(
      BitSet bits, int count, ByteArrayOutputStream bin, ArrayNode views) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    int available = bits.cardinality();
    if (available == 0 || available == count) {
      node.put("constant", available == 0 ? 0 : 1);
      return node;
    }
    pad(bin, (byte) 0);
    byte[] bytes = new byte[(count + 7) / 8];
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      bytes[i / 8] |= (byte) (1 << (i % 8));
    }
    ObjectNode view = views.addObject();
    view.put("buffer", 0);
    view.put("byteOffset", bin.size());
    view.put("byteLength", bytes.length);
    bin.writeBytes(bytes);
    node.put("bitstream", views.size() - 1);
    node.put("availableCount", available);
    return node;
  }

  private static void pad(ByteArrayOutputStream out, byte filler) {
    while (out.size() % 8 != 0) {
      out.write(filler);
    }
  }
}
