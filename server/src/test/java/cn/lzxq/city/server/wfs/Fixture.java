package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.db.Sql;
import javax.sql.DataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A small city for the protocol tests: water pipes of the water company (SW, fids 101-105, DN
 * 100-500, 100 m apart going north from 36.50°N 103.70°E), two gas pipes of the gas company (RQ,
 * fids 201-202), one pipe point (fid 301); users admin, editor_sw, editor_rq, viewer (password
 * "pw-" + name, bcrypt).
 */
public final class Fixture {

  private Fixture() {}

  public static void load(DataSource db) throws Exception {
    PasswordEncoder enc = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    Sql.exec(
        db,
        """
        INSERT INTO organization (code, name, kind) VALUES ('SW', '兰州新区供水公司', 'utility'), ('RQ', '兰州新区燃气公司', 'utility');
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, material, owner,
                                  road_name, geom, valid_from)
        SELECT 100 + i, 'JS', 'JP', '51041000', 'JS' || i, 'JS' || (i + 1), 'top', 100 * i, 'QM', 'SW', '经' || i || '路',
               ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.70, 36.50 + i * 0.0009, 1948.8),
                                                   ST_MakePoint(103.701, 36.50 + i * 0.0009, 1948.8)), 4490), 4544),
               '2015-01-01'
        FROM generate_series(1, 5) i;
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, owner, geom, valid_from)
        SELECT 200 + i, 'RQ', 'TR', '53031000', 'RQ' || i, 'RQ' || (i + 1), 'top', 160, 'RQ',
               ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.72, 36.50 + i * 0.0009, 1948.0),
                                                   ST_MakePoint(103.721, 36.50 + i * 0.0009, 1948.0)), 4490), 4544),
               '2016-01-01'
        FROM generate_series(1, 2) i;
        INSERT INTO pipe_point (fid, network, subtype, exp_no, feature, feature_code, ground_elev_m, owner, geom, valid_from)
        VALUES (301, 'JS', 'JP', 'JS1', '三通', '51041100', 1950.0, 'SW',
                ST_Transform(ST_SetSRID(ST_MakePoint(103.70, 36.5009, 1950.0), 4490), 4544), '2015-01-01');
        SELECT setval('feature_fid_seq', 1000);
        """);
    for (String[] u :
        new String[][] {
          {"admin", "admin", null},
          {"editor_sw", "editor", "SW"},
          {"editor_rq", "editor", "RQ"},
          {"viewer", "viewer", null}
        }) {
      Sql.exec(
          db,
          "INSERT INTO app_user (username, password_hash, role, organization) VALUES ('"
              + u[0]
              + "', '"
              + enc.encode("pw-" + u[0])
              + "', '"
              + u[1]
              + "', "
              + (u[2] == null ? "NULL" : "'" + u[2] + "'")
              + ")");
    }
  }
}
