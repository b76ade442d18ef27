package cn.lzxq.city.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A current GDAL (Debian 13's 3.10) for the clients Debian 12's GDAL 3.6.2 cannot be: its OGC API
 * driver reads neither the TMS 2.0 matrix sets nor the tileset links of OGC API – Tiles 1.0. {@code
 * scripts/gdal-current install} puts it in a root file system of its own ({@code
 * CITY_GDAL_CURRENT_ROOT}, default {@code /var/lib/city/gdal-current}); {@code scripts/test} starts
 * that install in the background before the build, so {@link #ready()} waits while it runs (at most
 * 10 min) and fails at once when it failed or none is installed. Commands run chrooted into that
 * root (through a user namespace when not root) and exchange files under its {@code /tmp}.
 */
public final class CurrentGdal {

  private static final long WAIT_MS = TimeUnit.MINUTES.toMillis(10);

  private final Path root;

  private CurrentGdal(Path root) {
    this.root = root;
  }

  /** The installed GDAL, once a running {@code scripts/gdal-current install} has finished. */
  public static CurrentGdal ready() throws IOException, InterruptedException {
    Path root =
        Path.of(
            System.getenv().getOrDefault("CITY_GDAL_CURRENT_ROOT", "/var/lib/city/gdal-current"));
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (!Files.exists(root.resolve(".city-ready"))) {
      if (!installing(root) || System.currentTimeMillis() > deadline) {
        Path failed = Path.of(root + ".failed");
        throw new AssertionError(
            "no GDAL 3.10 in "
                + root
                + (Files.exists(failed)
                    ? ": scripts/gdal-current install failed, " + Files.readString(failed).strip()
                    : ": run scripts/gdal-current install as root (scripts/test does)"));
      }
      Thread.sleep(1_000);
    }
    return new CurrentGdal(root);
  }

  /** Whether the install process named in {@code ROOT.installing} is still running. */
  private static boolean installing(Path root) throws IOException {
    Path pidFile = Path.of(root + ".installing");
    try {
      return Files.exists(Path.of("/proc", Files.readString(pidFile).strip()));
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** A new empty file under the root's /tmp: {@link #inside} names it to the commands. */
  public Path scratchFile(String suffix) throws IOException {
    Path file = Files.createTempFile(Files.createDirectories(root.resolve("tmp")), "city", suffix);
    Files.delete(file);
    return file;
  }

  /** The path a command in the root sees for {@code file} (one of {@link #scratchFile}). */
  public String inside(Path file) {
    return "/" + root.relativize(file);
  }

  /**
   * Runs a GDAL command (e.g. {@code ogr2ogr …}) in the root; returns its standard output and fails
   * with its error output when it exits non-zero or runs longer than 2 min.
   */
  public String run(String... command) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      c.addAll(List.of("unshare", "--map-root-user"));
    }
    c.addAll(List.of("chroot", root.toString()));
    c.addAll(List.of(command));
    Path out = Files.createTempFile("gdal", ".out");
    Path err = Files.createTempFile("gdal", ".err");
    ProcessBuilder b =
        new ProcessBuilder(c).redirectOutput(out.toFile()).redirectError(err.toFile());
    b.environment().put("GDAL_ENABLE_WMS_CACHE", "NO");
    Process p = b.start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed: " + read(err));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
