package cn.lzxq.city.server.wms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

/**
 * The features every WMS test draws, inserted with SQL, and helpers to ask for maps and read their
 * pixels. The known water pipe runs east–west along 36.5010°N from 103.6990°E to 103.7000°E (about
 * 90 m), DN 300 PE; a planned water pipe (valid from 2030) runs north–south at 103.6985°E. A gas
 * pipe (DN 200, from 2016) crosses the known pipe north–south at 103.6995°E (column 160 of the
 * 256-pixel window), a planned one (from 2030) runs at 103.6992°E (column 128) south of it, rows
 * 153–217. Every test of {@link WmsContextTest} reads these rows.
 */
final class WmsFixture {

  /** The test window in CRS84: about 215 m × 220 m around the known pipe. */
  static final double MIN_LON = 103.6980;

  static final double MIN_LAT = 36.5000;
  static final double MAX_LON = 103.7004;
  static final double MAX_LAT = 36.5020;

  static final String SQL =
      """
      INSERT INTO organization (code, name, kind) VALUES ('SW', '兰州新区供水公司', 'utility'), ('TT', '中国铁塔', 'tower'),
        ('CMCC', '中国移动', 'operator'), ('CUCC', '中国联通', 'operator'), ('CTCC', '中国电信', 'operator');
      INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, material,
                                owner, build_year, geom, valid_from)
      VALUES ('JS', 'JP', '51041000', 'JS1', 'JS2', 'top', 300, 'PE', 'SW', 2015,
              ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.6990, 36.5010, 1948.8),
                                                  ST_MakePoint(103.7000, 36.5010, 1948.8)), 4490), 4544), '2015-06-01'),
             ('JS', 'JP', '51041000', 'JS3', 'JS4', 'top', 600, 'QM', 'SW', 2030,
              ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.6985, 36.5002, 1948.8),
                                                  ST_MakePoint(103.6985, 36.5018, 1948.8)), 4490), 4544), '2030-01-01');
      INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, geom, valid_from)
      VALUES ('LZXQ-R2-01', 'R2', '二类居住用地', 3000,
              ST_Force3D(ST_Transform(ST_SetSRID(ST_Multi(ST_MakeEnvelope(103.6981, 36.5001, 103.6984, 36.5004)), 4490), 4544),
                         1950), '2012-01-01');
      INSERT INTO road (name, road_class, red_line_width_m, carriageway_width_m, geom, red_line, valid_from)
      VALUES ('中川大道', 'arterial', 40, 24,
              ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.6980, 36.5016, 1950), ST_MakePoint(103.7000, 36.5016, 1950)),
                                      4490), 4544),
              ST_Force3D(ST_Transform(ST_SetSRID(ST_Multi(ST_MakeEnvelope(103.6980, 36.5015, 103.7000, 36.5017)), 4490), 4544), 1950),
              '2010-01-01');
      INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m, ground_elev_m, sharing_status,
                                tenants, owner, geom, valid_from)
      VALUES ('LZ001', '新区一号站', 'urban', 'monopole', 30, 1950, 'sole', '{CUCC}', 'TT',
              ST_Transform(ST_SetSRID(ST_MakePoint(103.6995, 36.5004, 1950), 4490), 4544), '2018-01-01');
      INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band, frequency_mhz, azimuth_deg, mech_tilt_deg,
                                  elec_tilt_deg, antenna_height_m, h_beamwidth_deg, eirp_dbm, geom, valid_from)
      VALUES ('LZ001', 1, 'CUCC', 'NR', 'n78', 3500, 90, 3, 6, 28, 65, 60,
              ST_Transform(ST_SetSRID(ST_MakePoint(103.6995, 36.5004, 1978), 4490), 4544), '2018-01-01');
      INSERT INTO organization (code, name, kind) VALUES ('RQ1', '兰州新区燃气公司', 'utility');
      INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, material,
                                owner, build_year, geom, valid_from)
      VALUES ('RQ', 'TR', '53031000', 'RQ1', 'RQ2', 'top', 200, 'PE', 'RQ1', 2016,
              ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.6995, 36.5003, 1948.8),
                                                  ST_MakePoint(103.6995, 36.5017, 1948.8)), 4490), 4544), '2016-06-01'),
             ('RQ', 'TR', '53031000', 'RQ3', 'RQ4', 'top', 200, 'PE', 'RQ1', 2030,
              ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.6992, 36.5003, 1948.8),
                                                  ST_MakePoint(103.6992, 36.5008, 1948.8)), 4490), 4544), '2030-01-01');
      """;

  private WmsFixture() {}

  static void insert(DataSource db) throws Exception {
    Sql.exec(db, SQL);
  }

  /** GET returning bytes. */
  static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The image of a response that must be one. */
  static BufferedImage image(HttpResponse<byte[]> r) throws IOException {
    assertThat(r.statusCode())
        .as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(200);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertThat(image).as("decodable image").isNotNull();
    return image;
  }

  /**
   * The BBOX parameter of the test window in a CRS, in that CRS's WMS 1.3.0 axis order: the CRS84
   * corners transformed by PostGIS.
   */
  static String bbox(DataSource db, CrsRef crs) throws Exception {
    double[] lo = transform(db, MIN_LON, MIN_LAT, crs.srid());
    double[] hi = transform(db, MAX_LON, MAX_LAT, crs.srid());
    boolean swap = crs.axisOrder().northFirst();
    return swap ? join(lo[1], lo[0], hi[1], hi[0]) : join(lo[0], lo[1], hi[0], hi[1]);
  }

  static double[] transform(DataSource db, double lon, double lat, int srid) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                String.format(
                    Locale.ROOT,
                    "SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint(%.9f, %.9f), 4326), %d) p",
                    lon,
                    lat,
                    srid))) {
      rs.next();
      return new double[] {rs.getDouble(1), rs.getDouble(2)};
    }
  }

  private static String join(double... v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9f", x));
    }
    return b.toString();
  }

  /**
   * Pixels that are not (nearly) transparent: count, centroid x, centroid y, min x, min y, max x,
   * max y.
   */
  static double[] drawn(BufferedImage image) {
    return drawn(image, false);
  }

  /**
   * Like {@link #drawn(BufferedImage)} for CJJ 61 water-blue pixels only (not labels), weighted by
   * their alpha.
   */
  static double[] water(BufferedImage image) {
    return drawn(image, true);
  }

  private static double[] drawn(BufferedImage image, boolean waterOnly) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        boolean water = ((p >> 16) & 0xff) < 110 && ((p >> 8) & 0xff) > 150 && (p & 0xff) > 150;
        double a = (p >>> 24) / 255.0;
        if (waterOnly ? water && a > 0 : a > 0.25) {
          double weight = waterOnly ? a : 1;
          n += weight;
          sx += x * weight;
          sy += y * weight;
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return n == 0
        ? new double[] {0, -1, -1, -1, -1, -1, -1}
        : new double[] {n, sx / n, sy / n, minX, minY, maxX, maxY};
  }

  /** The RGB of a pixel without alpha. */
  static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }
}
