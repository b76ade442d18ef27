package cn.lzxq.city.data.tileset;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.ValidTime;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers an existing 3D Tiles tileset (photogrammetry from ContextCapture, DJI Terra …) as the
 * current version of a named tileset, served at {@code /3dtiles/NAME/tileset.json}: the root {@code
 * tileset.json}, the external tilesets and the contents it references are read from the source,
 * checked ({@link TilesetCheck}), and stored in the database (so every node serves them), the root
 * with its transform adjusted ({@link RootAdjustment}). Files nothing references are not stored.
 * All in the caller's transaction; on any problem every problem found is thrown and the caller
 * rolls back, so nothing is written. At most {@value #MAX_FILES} files and {@value #MAX_BYTES}
 * bytes.
 */
public final class TilesetRegistry {

  static final int MAX_FILES = 100_000;
  static final long MAX_BYTES = 4L << 30;
  static final int MAX_PROBLEMS = 50;

  private final Set<String> reserved;

  /**
   * @param reserved names of the tilesets the server builds, refused as names
   */
  public TilesetRegistry(Set<String> reserved) {
    this.reserved = Set.copyOf(reserved);
  }

  /**
   * What a registration stored.
   *
   * @param id version id
   * @param files files stored
   * @param bytes their size
   * @param centre longitude, latitude, ellipsoidal height of the placed root's centre
   */
  public record Registered(long id, int files, long bytes, double[] centre) {}

  /**
   * Reads, checks and stores {@code source} as the current version of {@code name}, placed as
   * {@link RootAdjustment} says.
   *
   * @param origin longitude, latitude (degrees) and ellipsoidal height (m) of the origin of a
   *     tileset in a local frame, or null for a georeferenced one
   * @param offsetM metres to move the tileset up along the ellipsoid normal (negative: down)
   * @param srid the native CRS, for the extent stored with the version
   */
  public Registered register(
      Connection c,
      String name,
      TilesetSource source,
      double[] origin,
      double offsetM,
      String note,
      String user,
      int srid)
      throws TilesetImportException, SQLException {
    if (!name.matches("[a-z][a-z0-9_-]{0,39}") || reserved.contains(name)) {
      throw new TilesetImportException(
          "name '"
              + name
              + "': use a-z, 0-9, _ or - (at most 40, a letter first), not one of "
              + new java.util.TreeSet<>(reserved));
    }
    long id = openVersion(c, name, source.describe(), note, offsetM, user);
    List<String> problems = new ArrayList<>();
    Deque<String> tilesets = new ArrayDeque<>(List.of("tileset.json"));
    Set<String> seen = new HashSet<>(tilesets);
    ObjectNode root = null;
    boolean regionsHere = false;
    boolean regionsElsewhere = false;
    long bytes = 0;
    try (PreparedStatement put =
        c.prepareStatement(
            "INSERT INTO external_tileset_file (tileset_id, path, body) VALUES (?, ?, ?)")) {
      while (!tilesets.isEmpty() && problems.size() < MAX_PROBLEMS) {
        String path = tilesets.poll();
        byte[] body = read(source, path, MAX_BYTES - bytes, problems);
        if (body == null) {
          continue;
        }
        bytes += body.length;
        TilesetCheck.Parsed parsed = TilesetCheck.tileset(path, body, problems);
        if (path.equals("tileset.json")) {
          root = parsed.json() instanceof ObjectNode o ? o : null;
          regionsHere = parsed.regions();
        } else {
          regionsElsewhere |= parsed.regions();
          store(put, id, path, body);
        }
        for (String uri : parsed.uris()) {
          if (seen.size() >= MAX_FILES) {
            problems.add(path + ": more than " + MAX_FILES + " files");
            break;
          }
          if (!seen.add(uri)) {
            continue;
          }
          if (uri.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            tilesets.add(uri);
            continue;
          }
          byte[] content = read(source, uri, MAX_BYTES - bytes, problems);
          if (content != null) {
            bytes += content.length;
            String problem = TilesetCheck.content(uri, content);
            if (problem != null) {
              problems.add(problem);
            } else {
              store(put, id, uri, content);
            }
          }
        }
      }
      if (!problems.isEmpty() || root == null) {
        throw new TilesetImportException(problems);
      }
      RootAdjustment.Placed placed =
          RootAdjustment.apply(
              root,
              new RootAdjustment.Placement(origin, offsetM),
              regionsHere,
              regionsElsewhere,
              ServiceArea.LANZHOU_NEW_AREA);
      byte[] adjusted = TilesetCheck.JSON.writeValueAsBytes(root);
      store(put, id, "tileset.json", adjusted);
      finish(c, id, seen.size(), bytes, placed.box(), srid);
      return new Registered(id, seen.size(), bytes, placed.centre());
    }
  }

  private static byte[] read(TilesetSource source, String path, long left, List<String> problems) {
    try {
      return source.read(path, left);
    } catch (NoSuchFileException e) {
      problems.add(path + ": no such file in " + source.describe());
    } catch (IOException e) {
      problems.add(path + ": cannot be read (" + e.getMessage() + ")");
    }
    return null;
  }

  private static void store(PreparedStatement put, long id, String path, byte[] body)
      throws SQLException {
    put.setLong(1, id);
    put.setString(2, path);
    put.setBytes(3, body);
    put.executeUpdate();
  }

  /** Closes the current version of the name and inserts the new one; returns its id. */
  private static long openVersion(
      Connection c, String name, String source, String note, double offsetM, String user)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE external_tileset SET valid_to = now() WHERE name = ? AND "
                + ValidTime.open(""))) {
      p.setString(1, name);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO external_tileset (name, source, note, height_offset_m, files, bytes,"
                + " changed_by) VALUES (?, ?, ?, ?, 0, 0, ?) RETURNING id")) {
      p.setString(1, name);
      p.setString(2, source);
      p.setString(3, note);
      p.setDouble(4, offsetM);
      p.setString(5, user);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void finish(Connection c, long id, int files, long bytes, double[] box, int srid)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE external_tileset SET files = ?, bytes = ?, geom = ST_Transform(ST_Segmentize("
                + "ST_MakeEnvelope(?, ?, ?, ?, 4490), 0.001), ?) WHERE id = ?")) {
      p.setInt(1, files);
      p.setLong(2, bytes);
      for (int i = 0; i < 4; i++) {
        p.setDouble(3 + i, box[i]);
      }
      p.setInt(7, srid);
      p.setLong(8, id);
      p.executeUpdate();
    }
  }
}
