package cn.lzxq.city.tiles.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the Node validator scripts in tiles/src/test/js with the packages of web/node_modules. */
public final class NodeScripts {

  private static final Path TILES = Path.of("").toAbsolutePath();
  private static final Path WEB = TILES.resolveSibling("web");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private NodeScripts() {}

  /** Fails with the install instruction when the npm packages are missing. */
  public static void requireInstalled(String module) {
    if (!Files.isDirectory(WEB.resolve("node_modules").resolve(module))) {
      fail(
          "web/node_modules/"
              + module
              + " is missing: run `npm ci --prefix web` in the repository root first");
    }
  }

  /**
   * Runs {@code node src/test/js/<script> args…} and returns one parsed JSON value per output line.
   */
  public static List<JsonNode> run(String script, List<String> args) {
    List<String> command =
        new ArrayList<>(List.of("node", TILES.resolve("src/test/js").resolve(script).toString()));
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
      assertThat(p.exitValue()).as("node exit code; stderr: " + err).isZero();
      List<JsonNode> results = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          results.add(MAPPER.readTree(line));
        }
      }
      return results;
    } catch (IOException e) {
      throw new AssertionError("cannot run node (is Node.js installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The tiles module's build output folder for test artefacts. */
  public static Path outputDir() throws IOException {
    return Files.createDirectories(TILES.resolve("target/test-tiles"));
  }

  /** The bundled 3D Tiles schema folder. */
  public static Path schemaDir() {
    return TILES.resolve("src/test/resources/3dtiles-schema");
  }
}
