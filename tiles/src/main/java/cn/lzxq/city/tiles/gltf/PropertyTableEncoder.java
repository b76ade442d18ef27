package cn.lzxq.city.tiles.gltf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an EXT_structural_metadata property table: one buffer view per column, scalars as
 * little-endian arrays of their component type, booleans as a bitstream (bit i of the stream is bit
 * (i mod 8) of byte i/8), strings as concatenated UTF-8 bytes plus a UINT32 {@code stringOffsets}
 * view of count + 1 offsets.
 */
public final class PropertyTableEncoder {

  private PropertyTableEncoder() {}

  /** Encodes {@code table} into {@code glb} and returns the property table JSON. */
  public static ObjectNode encode(GlbBuilder glb, FeatureTable table, ObjectNode out) {
    MetadataClass cls = table.metadataClass();
    out.put("name", cls.id());
    out.put("class", cls.id());
    out.put("count", table.size());
    ObjectNode props = out.putObject("properties");
    for (PropertyDef p : cls.properties()) {
      List<Object> column = new ArrayList<>();
      for (Map<String, ?> row : table.rows()) {
        column.add(row.get(p.id()));
      }
      ObjectNode col = props.putObject(p.id());
      switch (p.type()) {
        case STRING -> strings(glb, column, col);
        case BOOLEAN -> col.put("values", glb.addBufferView(bits(column), 0, 0));
        default -> col.put("values", glb.addBufferView(scalars(p.type(), column), 0, 0));
      }
    }
    return out;
  }

  private static byte[] scalars(PropertyType type, List<Object> column) {
    ByteBuffer b = GlbBuilder.buffer(type.size() * column.size());
    for (Object v : column) {
      Number n = v == null ? (Number) type.noData() : (Number) v;
      switch (type) {
        case INT32 -> b.putInt(n.intValue());
        case INT64 -> b.putLong(n.longValue());
        case FLOAT32 -> b.putFloat(n.floatValue());
        case FLOAT64 -> b.putDouble(n.doubleValue());
        default -> throw new IllegalStateException(type.name());
      }
    }
    return b.array();
  }

  private static byte[] bits(List<Object> column) {
    byte[] out = new byte[(column.size() + 7) / 8];
    for (int i = 0; i < column.size(); i++) {
      if (Boolean.TRUE.equals(column.get(i))) {
        out[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return out;
  }

  private static void strings(GlbBuilder glb, List<Object> column, ObjectNode col) {
    List<byte[]> encoded = new ArrayList<>();
    int total = 0;
    for (Object v : column) {
      byte[] s = (v == null ? "" : v.toString()).getBytes(StandardCharsets.UTF_8);
      encoded.add(s);
      total += s.length;
    }
    ByteBuffer values = GlbBuilder.buffer(Math.max(total, 1));
    ByteBuffer offsets = GlbBuilder.buffer(4 * (column.size() + 1));
    int pos = 0;
    for (byte[] s : encoded) {
      offsets.putInt(pos);
      values.put(s);
      pos += s.length;
    }
    offsets.putInt(pos);
    col.put("values", glb.addBufferView(values.array(), 0, 0));
    col.put("stringOffsets", glb.addBufferView(offsets.array(), 0, 0));
    col.put("stringOffsetType", "UINT32");
  }
}
