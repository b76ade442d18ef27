package cn.lzxq.city.tiles.tiling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.tiles.support.NodeScripts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses our own subtree files back and checks them against the implicit tiling spec. */
class SubtreeTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private record Parsed(JsonNode json, ByteBuffer bin, int jsonLength) {}

  private static Parsed parse(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("subt");
    assertThat(b.getInt(0)).isEqualTo(0x74627573);
    assertThat(b.getInt(4)).isEqualTo(1);
    long jsonLength = b.getLong(8), binLength = b.getLong(16);
    assertThat(jsonLength % 8).isZero();
    assertThat(binLength % 8).isZero();
    assertThat(24 + jsonLength + binLength).isEqualTo(bytes.length);
    String json = new String(bytes, 24, (int) jsonLength, StandardCharsets.UTF_8);
    assertThat(json.stripTrailing().length() + (json.length() - json.stripTrailing().length()))
        .isEqualTo(json.length());
    ByteBuffer bin =
        ByteBuffer.wrap(bytes, 24 + (int) jsonLength, (int) binLength)
            .slice()
            .order(ByteOrder.LITTLE_ENDIAN);
    return new Parsed(MAPPER.readTree(json), bin, (int) jsonLength);
  }

  private static boolean bit(Parsed p, int view, int index) {
    JsonNode v = p.json().get("bufferViews").get(view);
    int offset = v.get("byteOffset").asInt();
    assertThat(offset % 8).isZero();
    return ((p.bin().get(offset + index / 8) >> (index % 8)) & 1) == 1;
  }

  @Test
  void bitstreamsFollowLevelThenMortonOrderLsbFirst() throws IOException {
    TileCoord root = TileCoord.ROOT;
    SubtreeBuilder b = new SubtreeBuilder(root, 3, 2);
    assertThat(b.tileCount()).isEqualTo(21);
    b.contentAvailable(new TileCoord(2, 3, 1), 0);
    b.contentAvailable(root, 1);
    b.childSubtreeAvailable(new TileCoord(3, 7, 7));
    byte[] bytes = b.toBytes();
    Parsed p = parse(bytes);
    JsonNode tiles = p.json().get("tileAvailability");
    assertThat(tiles.get("availableCount").asInt()).isEqualTo(5);
    int t = tiles.get("bitstream").asInt();
    // index = (4^level - 1) / 3 + morton: root 0; (1,1,0) -> 1 + 1 = 2; (1,1,1) -> 1 + 3 = 4;
    // (2,3,1) -> 5 + 0b0111 = 12; (2,3,3) -> 5 + 15 = 20 (parent of the available child subtree
    // (3,7,7)).
    for (int i = 0; i < 21; i++) {
      assertThat(bit(p, t, i))
          .as("tile bit " + i)
          .isEqualTo(i == 0 || i == 2 || i == 4 || i == 12 || i == 20);
    }
    JsonNode content = p.json().get("contentAvailability");
    assertThat(content).hasSize(2);
    assertThat(bit(p, content.get(0).get("bitstream").asInt(), 12)).isTrue();
    assertThat(content.get(0).get("availableCount").asInt()).isEqualTo(1);
    assertThat(bit(p, content.get(1).get("bitstream").asInt(), 0)).isTrue();
    JsonNode child = p.json().get("childSubtreeAvailability");
    assertThat(bit(p, child.get("bitstream").asInt(), 63)).isTrue();
    assertThat(child.get("availableCount").asInt()).isEqualTo(1);
    assertThat(p.json().get("buffers").get(0).get("byteLength").asInt())
        .isEqualTo(p.bin().capacity());
    Path file = NodeScripts.outputDir().resolve("0.0.0.subtree");
    Files.write(file, bytes);
    Path json = NodeScripts.outputDir().resolve("subtree.json");
    Files.writeString(json, p.json().toString());
    NodeScripts.requireInstalled("ajv");
    List<JsonNode> results =
        NodeScripts.run(
            "validate-json-schema.mjs",
            List.of(NodeScripts.schemaDir().toString(), "subtree.schema.json", json.toString()));
    assertThat(results.get(0).get("valid").asBoolean()).as(results.get(0).toString()).isTrue();
  }

  @Test
  void uniformAvailabilityIsWrittenAsConstants() {
    SubtreeBuilder b = new SubtreeBuilder(new TileCoord(2, 1, 2), 1, 1);
    b.contentAvailable(new TileCoord(2, 1, 2), 0);
    Parsed p = parse(b.toBytes());
    assertThat(p.json().get("tileAvailability").get("constant").asInt()).isEqualTo(1);
    assertThat(p.json().get("contentAvailability").get(0).get("constant").asInt()).isEqualTo(1);
    assertThat(p.json().get("childSubtreeAvailability").get("constant").asInt()).isZero();
    assertThat(p.json().has("buffers")).isFalse();
    assertThat(p.bin().capacity()).isZero();
  }
}
