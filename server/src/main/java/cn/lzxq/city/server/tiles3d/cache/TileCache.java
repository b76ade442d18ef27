package cn.lzxq.city.server.tiles3d.cache;

import cn.lzxq.city.server.tiles3d.Tiles3dProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Built tile contents: an LRU in memory bounded by bytes ({@code city.tiles3d.memory-cache-mb}) in
 * front of a folder on disk ({@code city.tiles3d.disk-cache}; a file per key holding the sequence
 * number and the bytes). Keys are relative paths such as {@code <grid>/<view>/pipe_js/3/5/2.glb}.
 * Whether an entry is still valid is the caller's question (see {@link ChangeLog}); disk failures
 * only log.
 */
@Component
public class TileCache {

  private static final Logger LOG = LoggerFactory.getLogger(TileCache.class);

  private final long budget;
  private final Path dir;
  private final LinkedHashMap<String, CacheEntry> memory = new LinkedHashMap<>(1024, 0.75f, true);
  private long used;

  public TileCache(Tiles3dProperties props) {
    this.budget = props.memoryCacheMb() * 1024L * 1024L;
    this.dir =
        props.diskCache() == null || props.diskCache().toString().isBlank()
            ? null
            : props.diskCache();
  }

  /** The entry of {@code key} from memory or disk, or null. */
  public CacheEntry get(String key) {
    synchronized (this) {
      CacheEntry e = memory.get(key);
      if (e != null) {
        return e;
      }
    }
    CacheEntry e = readDisk(key);
    if (e != null) {
      remember(key, e);
    }
    return e;
  }

  /** Stores an entry in memory and on disk. */
  public void put(String key, CacheEntry e) {
    remember(key, e);
    writeDisk(key, e);
  }

  private synchronized void remember(String key, CacheEntry e) {
    CacheEntry old = memory.put(key, e);
    used += e.weight() - (old == null ? 0 : old.weight());
    Iterator<Map.Entry<String, CacheEntry>> it = memory.entrySet().iterator();
    while (used > budget && it.hasNext()) {
      used -= it.next().getValue().weight();
      it.remove();
    }
  }

  private CacheEntry readDisk(String key) {
    if (dir == null) {
      return null;
    }
    Path file = dir.resolve(key);
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      byte[] all = Files.readAllBytes(file);
      long seq = ByteBuffer.wrap(all, 0, 8).getLong();
      byte[] bytes = new byte[all.length - 8];
      System.arraycopy(all, 8, bytes, 0, bytes.length);
      return new CacheEntry(bytes, seq);
    } catch (IOException | RuntimeException e) {
      LOG.warn("tile cache: cannot read {}: {}", file, e.toString());
      return null;
    }
  }

  private void writeDisk(String key, CacheEntry e) {
    if (dir == null) {
      return;
    }
    Path file = dir.resolve(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".tile", ".tmp");
      byte[] all =
          ByteBuffer.allocate(8 + e.bytes().length).putLong(e.seq()).put(e.bytes()).array();
      Files.write(tmp, all);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException ex) {
      LOG.warn("tile cache: cannot write {}: {}", file, ex.toString());
    }
  }
}
