package cn.lzxq.city.server.tilestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tile store of one node: an LRU in memory bounded by bytes ({@code city.tile-store.memory-mb})
 * in front of a folder on disk ({@code city.tile-store.disk}; a file per key holding the sequence
 * number and the bytes). Keys are relative paths such as {@code <grid>/<view>/pipe_js/3/5/2.glb}.
 * Disk failures only log.
 */
@Component
public class LocalTileStore implements TileStore {

  private static final Logger LOG = LoggerFactory.getLogger(LocalTileStore.class);

  private final long budget;
  private final Path dir;
  private final LinkedHashMap<String, CacheEntry> memory = new LinkedHashMap<>(1024, 0.75f, true);
  private long used;

  /** This store's part of its temporary file names (several nodes may share a folder). */
  private final String writer = Long.toHexString(new SecureRandom().nextLong());

  /** Disk writes started, numbering the temporary files. */
  private final AtomicLong writes = new AtomicLong();

  public LocalTileStore(TileStoreProperties props) {
    this.budget = props.memoryMb() * 1024L * 1024L;
    this.dir = props.disk() == null || props.disk().toString().isBlank() ? null : props.disk();
  }

  @Override
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

  @Override
  public void put(String key, CacheEntry e) {
    remember(key, e);
    writeDisk(key, e);
  }

  @Override
  public long remove(String prefix, Predicate<String> which) {
    Set<String> removed = new HashSet<>();
    synchronized (this) {
      Iterator<Map.Entry<String, CacheEntry>> it = memory.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, CacheEntry> e = it.next();
        if (e.getKey().startsWith(prefix) && which.test(e.getKey())) {
          used -= e.getValue().weight();
          removed.add(e.getKey());
          it.remove();
        }
      }
    }
    if (dir != null) {
      removeFromDisk(prefix, which, removed);
    }
    return removed.size();
  }

  private void removeFromDisk(String prefix, Predicate<String> which, Set<String> removed) {
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? dir : dir.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return;
    }
    try (Stream<Path> files = Files.walk(start)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                String key = dir.relativize(f).toString().replace('\\', '/');
                if (key.startsWith(prefix) && which.test(key)) {
                  try {
                    Files.deleteIfExists(f);
                    removed.add(key);
                  } catch (IOException e) {
                    LOG.warn("tile store: cannot delete {}: {}", f, e.toString());
                  }
                }
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("tile store: cannot walk {}: {}", start, e.toString());
    }
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
      LOG.warn("tile store: cannot read {}: {}", file, e.toString());
      return null;
    }
  }

  /**
   * Writes the disk copy under a temporary name in the tile's folder, then renames it over the
   * tile's file (readers see the old file or the new one, never a partial one). The temporary file
   * is created new ({@code O_EXCL}, not truncated: ext4 flushes a truncated file's blocks when it
   * is closed) and named by this store and a counter (no random name per tile); the folder is
   * created only when the file cannot be (a folder that exists made every write throw and catch an
   * exception with its stack trace).
   */
  private void writeDisk(String key, CacheEntry e) {
    if (dir == null) {
      return;
    }
    Path file = dir.resolve(key);
    Path tmp = file.resolveSibling(".tile" + writer + "-" + writes.incrementAndGet() + ".tmp");
    try {
      try {
        writeNew(tmp, e);
      } catch (NoSuchFileException missingFolder) {
        Files.createDirectories(file.getParent());
        writeNew(tmp, e);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException ex) {
      LOG.warn("tile store: cannot write {}: {}", file, ex.toString());
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException gone) {
        LOG.debug("tile store: cannot delete {}", tmp, gone);
      }
    }
  }

  /** Creates {@code tmp} (it must not exist) holding the sequence number and the bytes. */
  private static void writeNew(Path tmp, CacheEntry e) throws IOException {
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer[] parts = {ByteBuffer.allocate(8).putLong(0, e.seq()), ByteBuffer.wrap(e.bytes())};
      while (parts[1].hasRemaining()) {
        ch.write(parts);
      }
    }
  }
}
