package cn.lzxq.city.data.gdal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the GDAL command-line tools (gdal-bin: {@code gdalinfo}, {@code gdalwarp}, {@code ogr2ogr},
 * {@code gdalsrsinfo}) for the importers: standard output is returned, a failure or a run longer
 * than {@value #TIMEOUT_S} s becomes a {@link GdalException} quoting GDAL's first error line.
 */
public final class Gdal {

  /** Longest run of one command, seconds. */
  static final long TIMEOUT_S = 600;

  private Gdal() {}

  /** A command failed: {@link #getMessage()} names the tool and GDAL's first error line. */
  public static final class GdalException extends Exception {
    GdalException(String message) {
      super(message);
    }
  }

  /** Runs {@code command}; returns its standard output (UTF-8). */
  public static String run(String... command) throws GdalException, IOException {
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                return new byte[0];
              }
            });
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GdalException(command[0] + ": no answer within " + TIMEOUT_S + " s");
      }
      if (p.exitValue() != 0) {
        String text = new String(err.join(), StandardCharsets.UTF_8).strip();
        String first =
            text.lines()
                .filter(l -> l.startsWith("ERROR"))
                .findFirst()
                .orElse(text.lines().findFirst().orElse("exit " + p.exitValue()));
        throw new GdalException(command[0] + ": " + first);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new GdalException(command[0] + ": interrupted");
    }
  }

  /** Deletes a temporary folder and the files in it; a folder left behind is harmless. */
  public static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
