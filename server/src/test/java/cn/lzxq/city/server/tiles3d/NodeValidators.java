package cn.lzxq.city.server.tiles3d;

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

/**
 * Runs the tiles module's Node validator scripts (tiles/src/test/js: Khronos glTF validator, ajv
 * with the bundled 3D Tiles 1.1 schemas) on files this module's tests wrote.
 */
final class NodeValidators {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path SCRIPTS = ROOT.resolve("tiles/src/test/js");
  static final Path SCHEMAS = ROOT.resolve("tiles/src/test/resources/3dtiles-schema");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private NodeValidators() {}

  /** Asserts every GLB passes the Khronos glTF validator with 0 errors. */
  static void assertValidGlbs(List<Path> files) {
    require("gltf-validator");
    for (int from = 0; from < files.size(); from += 200) {
      List<String> args =
          files.subList(from, Math.min(files.size(), from + 200)).stream()
              .map(Path::toString)
              .toList();
      for (JsonNode r : run("validate-gltf.mjs", args)) {
        assertThat(r.get("errors").asInt())
            .as("glTF validator errors in %s: %s", r.get("file").asString(), r.get("messages"))
            .isZero();
      }
    }
  }

  /** Asserts every JSON document is valid against a schema of the bundled 3D Tiles schemas. */
  static void assertValidJson(String schemaFile, List<Path> files) {
    require("ajv");
    List<String> args = new ArrayList<>(List.of(SCHEMAS.toString(), schemaFile));
    files.forEach(f -> args.add(f.toString()));
    List<JsonNode> results = run("validate-json-schema.mjs", args);
    assertThat(results).hasSize(files.size());
    for (JsonNode r : results) {
      assertThat(r.get("valid").asBoolean())
          .as("%s against %s: %s", r.get("file").asString(), schemaFile, r.get("errors"))
          .isTrue();
    }
  }

  private static void require(String module) {
    if (!Files.isDirectory(ROOT.resolve("web/node_modules").resolve(module))) {
      fail(
          "web/node_modules/"
              + module
              + " is missing: run `npm ci --prefix web` in the repository root first");
    }
  }

  private static List<JsonNode> run(String script, List<String> args) {
    List<String> command = new ArrayList<>(List.of("node", SCRIPTS.resolve(script).toString()));
    command.addAll(args);
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("node finished").isTrue();
      assertThat(p.exitValue()).as("node exit code").isZero();
      List<JsonNode> results = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          results.add(MAPPER.readTree(line));
        }
      }
      return results;
    } catch (IOException e) {
      throw new AssertionError("cannot run node: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
