package cn.lzxq.city.data.io;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.io.qa.QaReport;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Shared set-up for the import and export tests: schemas with organisations, fixtures, checksums.
 */
final class IoTestSupport {

  private IoTestSupport() {}

  /** A fresh migrated schema with the organisations the fixtures name. */
  static HikariDataSource schema(String name) throws SQLException {
    HikariDataSource db = TestDatabase.freshSchema(name);
    Sql.exec(
        db,
        """
        INSERT INTO organization (code, name, name_en, kind, networks) VALUES
          ('LZXQ-WATER', '兰州新区供水公司', 'Lanzhou New Area Water', 'utility', '{JS}'),
          ('LZXQ-DRAIN', '兰州新区排水公司', 'Lanzhou New Area Drainage', 'utility', '{PS}'),
          ('LZXQ-GAS', '兰州新区燃气公司', 'Lanzhou New Area Gas', 'utility', '{RQ}'),
          ('CT-GS', '中国铁塔甘肃分公司', 'China Tower Gansu', 'tower', '{}')""");
    return db;
  }

  /** A fixture file under src/test/resources/io/. */
  static Path resource(String name) {
    try {
      return Path.of(IoTestSupport.class.getResource("/io/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a UTF-8 CSV file into a directory. */
  static Path csv(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** Imports files by the given user with default options. */
  static QaReport importFiles(DataSource db, Path... files) throws SQLException, IOException {
    return new CityImporter(db)
        .importFiles(List.of(files), ImportOptions.defaults("tester"), ProgressSink.NONE);
  }

  /** Imports one GeoJSON or GeoPackage file as a named layer. */
  static QaReport importLayer(DataSource db, String layer, Path file)
      throws SQLException, IOException {
    return new CityImporter(db)
        .importFiles(
            List.of(file), ImportOptions.defaults("tester").withLayer(layer), ProgressSink.NONE);
  }

  /** Row count and a checksum of every row of a table (all versions), to prove nothing changed. */
  static String checksum(DataSource db, String table) throws SQLException {
    return Sql.strings(
            db,
            "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY version_id)), '-') FROM "
                + table
                + " t")
        .get(0);
  }

  /** Checksums of all feature tables plus the fid sequence position. */
  static List<String> checksums(DataSource db) throws SQLException {
    List<String> out = new ArrayList<>();
    for (LayerTable t : LayerTable.values()) {
      if (!out.contains(t.table() + "=" + checksum(db, t.table()))) {
        out.add(t.table() + "=" + checksum(db, t.table()));
      }
    }
    return out;
  }

  /** Runs a command and returns its standard output; fails on a non-zero exit. */
  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
