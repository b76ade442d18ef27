package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.tileset.TilesetSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code city import tileset --name NAME DIR|URL}: an existing 3D Tiles tileset (oblique
 * photogrammetry from ContextCapture, DJI Terra …) becomes the current version of the registered
 * tileset NAME, served at {@code /3dtiles/NAME/tileset.json}; exit 1 with every problem found and
 * nothing written when it cannot be used.
 */
@Command(
    name = "tileset",
    description = {
      "register a 3D Tiles tileset (a folder or URL with tileset.json) as /3dtiles/NAME/tileset.json.",
      "A tileset in a local frame needs --origin E,N,H (native CRS, 1985 height of its origin);",
      "a georeferenced one with 1985 heights written as ellipsoidal ones takes --heights normal_1985."
    })
final class ImportTilesetCommand implements Callable<Integer> {

  @Mixin TilesetOptions options;

  @Parameters(arity = "1", paramLabel = "DIR|URL", description = "the tileset folder or URL")
  String source;

  @Override
  public Integer call() throws Exception {
    return options.register(TilesetSource.of(source));
  }
}
