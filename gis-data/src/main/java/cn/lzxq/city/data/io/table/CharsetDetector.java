package cn.lzxq.city.data.io.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells UTF-8 from the Chinese legacy encodings. A file is UTF-8 when it has a UTF-8 byte order
 * mark or when all of it decodes as UTF-8 (checked in one streaming pass); otherwise it is read as
 * GB18030, the superset of GBK and GB2312 that Chinese Excel and WPS write.
 */
public final class CharsetDetector {

  /** GB18030: covers GBK and GB2312. */
  public static final Charset GB18030 = Charset.forName("GB18030");

  private CharsetDetector() {}

  /** UTF-8 or GB18030, as described above. */
  public static Charset detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      if (head.length == 3
          && (head[0] & 0xff) == 0xef
          && (head[1] & 0xff) == 0xbb
          && (head[2] & 0xff) == 0xbf) {
        return StandardCharsets.UTF_8;
      }
    }
    return isUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
  }

  private static boolean isUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    CharBuffer chars = CharBuffer.allocate(64 * 1024);
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
        bytes.position(bytes.position() + n);
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, false);
        if (result.isError()) {
          return false;
        }
        chars.clear();
        bytes.compact();
      }
      bytes.flip();
      return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
    }
  }
}
