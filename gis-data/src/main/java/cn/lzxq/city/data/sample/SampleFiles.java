package cn.lzxq.city.data.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a sample as files: one COPY text file per table ({@code <table>.copy}, loadable with
 * {@code \copy <table> (<columns>) FROM '<file>'}), {@value SampleManifest#FILE}, and {@code
 * SHA256SUMS} over all of them.
 */
public final class SampleFiles {

  private SampleFiles() {}

  /**
   * Writes the sample into a directory (created if missing).
   *
   * @return rows written per table
   */
  public static Map<String, Long> write(SampleGenerator sample, Path dir) {
    Map<String, Long> rows = new LinkedHashMap<>();
    StringBuilder sums = new StringBuilder();
    try {
      Files.createDirectories(dir);
      for (SampleTable table : SampleTable.values()) {
        String name = table.table() + ".copy";
        MessageDigest digest = sha256();
        try (Writer out =
            new BufferedWriter(
                new OutputStreamWriter(
                    new DigestOutputStream(Files.newOutputStream(dir.resolve(name)), digest),
                    StandardCharsets.UTF_8),
                1 << 16)) {
          rows.put(table.table(), table.write(sample, out, () -> {}));
        }
        sums.append(HexFormat.of().formatHex(digest.digest()))
            .append("  ")
            .append(name)
            .append('\n');
      }
      byte[] manifest = sample.manifest().toJson().getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve(SampleManifest.FILE), manifest);
      sums.append(HexFormat.of().formatHex(sha256().digest(manifest)))
          .append("  ")
          .append(SampleManifest.FILE)
          .append('\n');
      Files.writeString(dir.resolve("SHA256SUMS"), sums);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The SHA-256 (hex) of a table's COPY stream, without writing it anywhere. */
  public static String sha256(SampleGenerator sample, SampleTable table) {
    MessageDigest digest = sha256();
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest),
                StandardCharsets.UTF_8),
            1 << 16)) {
      table.write(sample, out, () -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
