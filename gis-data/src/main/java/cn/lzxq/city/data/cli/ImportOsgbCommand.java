package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.tileset.TilesetImportException;
import cn.lzxq.city.data.tileset.TilesetSource;
import cn.lzxq.city.data.tileset.osgb.OsgbConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code city import osgb --name NAME --origin E,N,H DIR}: an OSGB oblique-photogrammetry folder is
 * converted to 3D Tiles ({@link OsgbConverter}, OpenSceneGraph's {@code osgconv}) and registered
 * like {@code city import tileset}; exit 1 with the problems and nothing written when it cannot be
 * used.
 */
@Command(
    name = "osgb",
    description = {
      "convert an OSGB folder (Data/Tile_*/Tile_*.osgb with PagedLOD children, or .osgb files) to",
      "3D Tiles and register it as /3dtiles/NAME/tileset.json; its local frame needs --origin E,N,H."
    })
final class ImportOsgbCommand implements Callable<Integer> {

  @Mixin TilesetOptions options;

  @Parameters(arity = "1", paramLabel = "DIR", description = "the OSGB folder")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Path out = Files.createTempDirectory("city-osgb");
    try {
      OsgbConverter.convert(dir.toAbsolutePath(), out);
      return options.register(TilesetSource.of(out.toString()));
    } catch (TilesetImportException e) {
      e.problems().forEach(System.err::println);
      System.err.println(
          e.problems().size() + " problem(s); nothing written: fix the errors above 有错误，未写入");
      return 1;
    } finally {
      try (Stream<Path> all = Files.walk(out)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
