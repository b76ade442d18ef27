package cn.lzxq.city.server.tilestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalTileStore}'s disk copy: a tile put in a folder that does not exist yet is written
 * with its folders, a tile put again replaces its file, another store on the same folder reads both
 * (sequence number and bytes), and no temporary file is left behind.
 */
class LocalTileStoreTest {

  @TempDir Path dir;

  @Test
  void theDiskCopyIsWrittenReplacedAndReadBackByAnotherStore() throws Exception {
    LocalTileStore store = store();
    byte[] first = {1, 2, 3};
    byte[] second = new byte[20_000]; // larger than one write of a stream buffer
    second[19_999] = 7;
    store.put("2d/mvt/pipe_js/WebMercatorQuad/now/16/25612/51636.mvt", new CacheEntry(first, 5));
    store.put("2d/mvt/pipe_js/WebMercatorQuad/now/16/25612/51637.mvt", new CacheEntry(first, 6));
    store.put("2d/mvt/pipe_js/WebMercatorQuad/now/16/25612/51636.mvt", new CacheEntry(second, 9));

    LocalTileStore other = store(); // nothing in its memory: every get reads the disk
    CacheEntry replaced = other.get("2d/mvt/pipe_js/WebMercatorQuad/now/16/25612/51636.mvt");
    assertThat(replaced.seq()).isEqualTo(9);
    assertThat(replaced.bytes()).isEqualTo(second);
    assertThat(replaced.etag()).isEqualTo(new CacheEntry(second, 9).etag());
    CacheEntry kept = other.get("2d/mvt/pipe_js/WebMercatorQuad/now/16/25612/51637.mvt");
    assertThat(kept.seq()).isEqualTo(6);
    assertThat(kept.bytes()).isEqualTo(first);
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> names =
          files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
      assertThat(names).containsExactlyInAnyOrder("51636.mvt", "51637.mvt");
    }
  }

  private LocalTileStore store() {
    return new LocalTileStore(new TileStoreProperties(16, dir, Duration.ofMillis(200)));
  }
}
