package cn.lzxq.city.server.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.tiles3d.export.TilesExportCommand;
import cn.lzxq.city.tiles.check.BoundsReport;
import cn.lzxq.city.tiles.check.ContentBoundsChecker;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import cn.lzxq.city.tiles.tiling.TileCoord;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The static export ({@code tiles-export}) of the fixture, validated as a folder. */
class TilesExportTest {

  @Test
  void exportsAValidCompleteTileset() throws Exception {
    Path out = Path.of("target/tiles3d-export").toAbsolutePath();
    FileSystemUtils.deleteRecursively(out);
    try (HikariDataSource db = TestDatabase.freshSchema("TilesExportTest")) {
      ScratchDatabase.load(db, "/tiles3d/fixture.sql");
      String url =
          TestDatabase.config().jdbcUrl()
              + "?user="
              + TestDatabase.config().user()
              + "&password="
              + TestDatabase.config().password();
      int code =
          TilesExportCommand.run(
              "--tileset",
              "city",
              "--out",
              out.toString(),
              "--threads",
              "2",
              "--database-url",
              url,
              "--schema",
              "t_tilesexporttest");
      assertThat(code).isZero();
      long pipes =
          Sql.count(
              db, "SELECT count(*) FROM pipe_segment WHERE valid_at(valid_from, valid_to, NULL)");
      assertThat(pipes).isGreaterThan(200);
    }
    Path tileset = out.resolve("tileset.json");
    NodeValidators.assertValidJson("tileset.schema.json", List.of(tileset));
    JsonNode json = JsonMapper.builder().build().readTree(tileset.toFile());
    JsonNode r = json.at("/root/boundingVolume/region");
    JsonNode it = json.at("/root/implicitTiling");
    ImplicitQuadtree tree =
        new ImplicitQuadtree(
            new Region(
                r.get(0).asDouble(),
                r.get(1).asDouble(),
                r.get(2).asDouble(),
                r.get(3).asDouble(),
                r.get(4).asDouble(),
                r.get(5).asDouble()),
            it.get("availableLevels").asInt(),
            it.get("subtreeLevels").asInt());
    List<Path> glbs;
    try (Stream<Path> files = Files.walk(out)) {
      glbs = files.filter(p -> p.toString().endsWith(".glb")).sorted().toList();
    }
    assertThat(glbs.size()).isGreaterThan(30);
    for (Path glb : glbs) {
      Path rel = out.relativize(glb);
      int n = rel.getNameCount();
      TileCoord tile =
          new TileCoord(
              Integer.parseInt(rel.getName(n - 3).toString()),
              Long.parseLong(rel.getName(n - 2).toString()),
              Long.parseLong(rel.getName(n - 1).toString().replace(".glb", "")));
      BoundsReport report =
          new ContentBoundsChecker(tree.regionOf(tile), Matrix4.IDENTITY, 0.001)
              .check(Files.readAllBytes(glb));
      assertThat(report.ok()).as("%s: %s", rel, report).isTrue();
    }
    NodeValidators.assertValidGlbs(glbs);
    List<Path> subtreeJson = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve("subtrees"))) {
      for (Path s : files.filter(p -> p.toString().endsWith(".subtree")).toList()) {
        Path j = Path.of(s + ".json");
        Files.write(j, new SubtreeFile(Files.readAllBytes(s)).jsonBytes());
        subtreeJson.add(j);
      }
    }
    assertThat(subtreeJson).hasSizeGreaterThan(1);
    NodeValidators.assertValidJson("subtree.schema.json", subtreeJson);
    // Every content the subtrees announce is in the folder, and nothing else.
    List<Path> announced = ImplicitWalkOnDisk.contents(out, tree, json);
    assertThat(announced.stream().sorted().toList()).isEqualTo(glbs);
  }
}
