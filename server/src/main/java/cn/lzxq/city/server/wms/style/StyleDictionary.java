package cn.lzxq.city.server.wms.style;

import cn.lzxq.city.data.db.ReadExecutor;
import java.awt.Color;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The code dictionaries styles are built from, read from the database (migration V2): CJJ 61
 * network colours and subtypes, materials, GB 50137 land-use classes with their colours, and the
 * mobile operators. The colours live in the database, not in code.
 *
 * @param networks CJJ 61 major classes
 * @param subtypes CJJ 61 subclasses
 * @param materials pipe materials
 * @param landUses GB 50137 classes, parents before children
 * @param operators organisations of kind {@code operator}
 */
public record StyleDictionary(
    List<Entry> networks,
    List<Subtype> subtypes,
    List<Material> materials,
    List<LandUse> landUses,
    List<Entry> operators) {

  /** A code with its Chinese and English name and colour (black when the dictionary has none). */
  public record Entry(String code, String nameZh, String nameEn, Color color) {}

  /** A pipe material with the networks it is used for. */
  public record Material(String code, String nameZh, String nameEn, List<String> networks) {}

  /** A CJJ 61 subclass of a network. */
  public record Subtype(String network, String code, String nameZh, String nameEn) {}

  /** A GB 50137 land-use class; parent null for a major class. */
  public record LandUse(String code, String parent, String nameZh, String nameEn, Color color) {}

  /** Reads the dictionaries (one read transaction under the service's statement timeout). */
  public static StyleDictionary load(ReadExecutor reads) throws SQLException {
    return reads.read(tx -> read(tx.connection()));
  }

  private static StyleDictionary read(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      List<Entry> networks = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT code, name_zh, name_en, rgb FROM network_type ORDER BY digit")) {
        while (rs.next()) {
          networks.add(
              new Entry(
                  rs.getString(1).trim(),
                  rs.getString(2),
                  rs.getString(3),
                  Color.decode(rs.getString(4))));
        }
      }
      List<Subtype> subtypes = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT network, code, name_zh, name_en FROM pipe_subtype ORDER BY network, digits")) {
        while (rs.next()) {
          subtypes.add(
              new Subtype(
                  rs.getString(1).trim(),
                  rs.getString(2).trim(),
                  rs.getString(3),
                  rs.getString(4)));
        }
      }
      List<Material> materials = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT code, name_zh, name_en, array_to_string(networks, ',') FROM material_code ORDER BY code")) {
        while (rs.next()) {
          materials.add(
              new Material(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  List.of(rs.getString(4).split(","))));
        }
      }
      List<LandUse> landUses = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT code, parent, name_zh, name_en, rgb FROM land_use_class ORDER BY length(code), code")) {
        while (rs.next()) {
          landUses.add(
              new LandUse(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Color.decode(rs.getString(5))));
        }
      }
      List<Entry> operators = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT code, name, coalesce(name_en, code) FROM organization WHERE kind = 'operator' ORDER BY code")) {
        while (rs.next()) {
          operators.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), Color.BLACK));
        }
      }
      return new StyleDictionary(networks, subtypes, materials, landUses, operators);
    }
  }

  /** The CJJ 61 colour of a network. */
  public Color networkColor(String code) {
    return networks.stream()
        .filter(n -> n.code().equals(code))
        .map(Entry::color)
        .findFirst()
        .orElse(Color.BLACK);
  }

  /** The subtypes of a network, in code order. */
  public List<Subtype> subtypesOf(String network) {
    return subtypes.stream().filter(t -> t.network().equals(network)).toList();
  }
}
