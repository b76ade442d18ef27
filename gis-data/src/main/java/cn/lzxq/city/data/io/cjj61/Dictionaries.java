package cn.lzxq.city.data.io.cjj61;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The code dictionaries (V2__dictionaries.sql) and organisations, read once per import, with the
 * lookups that turn what survey tables write (codes or Chinese names) into the stored codes.
 *
 * @param networksByDigit Appendix B major-class digit to network code (1 → JS)
 * @param depthRef network code to where depth is measured ('top' or 'invert')
 * @param subtypes "JS/04" and "JS/JP" to the subtype code (JP); also "JP" alone to its network
 * @param subtypeDigits "JS/JP" to the Appendix F sub-class digits ("04")
 * @param materials material code, Chinese or English name (upper case) to code
 * @param materialNetworks material code to the networks it is used for
 * @param layings laying code or name to code
 * @param pressureClasses gas class code or name to code
 * @param pressureBands gas class code to its [min, max] MPa
 * @param owners organisation code or name to code
 */
public record Dictionaries(
    Map<Integer, String> networksByDigit,
    Map<String, String> depthRef,
    Map<String, String> subtypes,
    Map<String, String> subtypeDigits,
    Map<String, String> materials,
    Map<String, Set<String>> materialNetworks,
    Map<String, String> layings,
    Map<String, String> pressureClasses,
    Map<String, double[]> pressureBands,
    Map<String, String> owners) {

  /** Reads the dictionaries of the connection's schema. */
  public static Dictionaries load(Connection c) throws SQLException {
    Map<Integer, String> digits = new HashMap<>();
    Map<String, String> depthRef = new HashMap<>();
    query(
        c,
        "SELECT code, digit, depth_ref FROM network_type",
        rs -> {
          digits.put(rs.getInt(2), rs.getString(1));
          depthRef.put(rs.getString(1), rs.getString(3));
        });
    Map<String, String> subtypes = new HashMap<>();
    Map<String, String> subtypeDigits = new HashMap<>();
    query(
        c,
        "SELECT network, code, digits FROM pipe_subtype",
        rs -> {
          subtypes.put(rs.getString(1) + "/" + rs.getString(3), rs.getString(2));
          subtypes.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(2));
          subtypes.put(rs.getString(2), rs.getString(1));
          subtypeDigits.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
        });
    Map<String, String> materials = new HashMap<>();
    Map<String, Set<String>> materialNetworks = new HashMap<>();
    query(
        c,
        "SELECT code, name_zh, name_en, networks::text[] FROM material_code",
        rs -> {
          names(materials, rs.getString(1), rs.getString(1), rs.getString(2), rs.getString(3));
          materialNetworks.put(rs.getString(1), Set.of((String[]) rs.getArray(4).getArray()));
        });
    Map<String, String> layings = new HashMap<>();
    query(
        c,
        "SELECT code, name_zh, name_en FROM laying_code",
        rs -> {
          names(layings, rs.getString(1), rs.getString(1), rs.getString(2), rs.getString(3));
          for (String part : rs.getString(2).split("/")) {
            names(layings, rs.getString(1), part);
          }
        });
    Map<String, String> classes = new HashMap<>();
    Map<String, double[]> bands = new HashMap<>();
    query(
        c,
        "SELECT code, name_zh, min_mpa, max_mpa FROM gas_pressure_class",
        rs -> {
          names(classes, rs.getString(1), rs.getString(1), rs.getString(2));
          bands.put(rs.getString(1), new double[] {rs.getDouble(3), rs.getDouble(4)});
        });
    Map<String, String> owners = new HashMap<>();
    query(
        c,
        "SELECT code, name, name_en FROM organization",
        rs -> names(owners, rs.getString(1), rs.getString(1), rs.getString(2), rs.getString(3)));
    return new Dictionaries(
        digits,
        depthRef,
        subtypes,
        subtypeDigits,
        materials,
        materialNetworks,
        layings,
        classes,
        bands,
        owners);
  }

  /** The network code of an Appendix B major-class digit, or null. */
  public String networkOfDigit(int digit) {
    return networksByDigit.get(digit);
  }

  /** The subtype code for a network and either its two digits or its letter code, or null. */
  public String subtype(String network, String digitsOrCode) {
    return subtypes.get(network + "/" + digitsOrCode.toUpperCase(Locale.ROOT));
  }

  /** The Appendix F code of a line of a network and subtype: 5, major, sub(2), 1, 0, 00. */
  public String lineCode(String network, String subtype) {
    int digit =
        networksByDigit.entrySet().stream()
            .filter(e -> e.getValue().equals(network))
            .mapToInt(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    return "5" + digit + subtypeDigits.get(network + "/" + subtype) + "1000";
  }

  /** The network a subtype letter code (e.g. YS) belongs to, or null. */
  public String networkOfSubtype(String code) {
    return code.length() == 2 ? subtypes.get(code.toUpperCase(Locale.ROOT)) : null;
  }

  /** True when the text is a network code (JS … QT). */
  public boolean isNetwork(String code) {
    return depthRef.containsKey(code.toUpperCase(Locale.ROOT));
  }

  /** Looks a value up by code or name, case-insensitively; null when unknown. */
  public static String lookup(Map<String, String> dictionary, String value) {
    return value == null ? null : dictionary.get(key(value));
  }

  /** The gas pressure class whose band holds a pressure in MPa (lower bound exclusive except 0). */
  public String pressureClassOf(double mpa) {
    return pressureBands.entrySet().stream()
        .filter(
            e ->
                (mpa > e.getValue()[0] || (mpa == 0 && e.getValue()[0] == 0))
                    && mpa <= e.getValue()[1])
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private static void names(Map<String, String> out, String code, String... names) {
    for (String n : Arrays.asList(names)) {
      if (n != null) {
        out.put(key(n), code);
      }
    }
  }

  private static String key(String s) {
    return s.trim().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  private interface RowAction {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, RowAction action) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        action.accept(rs);
      }
    }
  }
}
