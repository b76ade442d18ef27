package cn.lzxq.city.data.user;

import cn.lzxq.city.data.edit.Editor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Adds, lists, disables and re-passwords rows of {@code app_user}. Passwords are stored only as
 * {@link Passwords} hashes; the table's checks (name pattern, role, an editor's organisation)
 * reject bad rows with an {@link SQLException}.
 */
public final class AppUsers {

  private final DataSource db;

  public AppUsers(DataSource db) {
    this.db = db;
  }

  /** Adds an enabled user; fails when the name exists or the row breaks a check. */
  public void add(String username, Editor.Role role, String organization, String password)
      throws SQLException {
    update(
        "INSERT INTO app_user (username, password_hash, role, organization) VALUES (?, ?, ?, ?)",
        username,
        Passwords.encoder().encode(password),
        role.name().toLowerCase(Locale.ROOT),
        organization);
  }

  /** Every user by name. */
  public List<AppUser> list() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT username, role, organization, enabled FROM app_user ORDER BY username");
        ResultSet rs = s.executeQuery()) {
      List<AppUser> users = new ArrayList<>();
      while (rs.next()) {
        users.add(
            new AppUser(
                rs.getString(1),
                Editor.Role.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                rs.getString(3),
                rs.getBoolean(4)));
      }
      return users;
    }
  }

  /** Disables a user; false when there is none of that name. */
  public boolean disable(String username) throws SQLException {
    return update("UPDATE app_user SET enabled = false WHERE username = ?", username) == 1;
  }

  /** Sets a new password; false when there is no user of that name. */
  public boolean setPassword(String username, String password) throws SQLException {
    return update(
            "UPDATE app_user SET password_hash = ? WHERE username = ?",
            Passwords.encoder().encode(password),
            username)
        == 1;
  }

  private int update(String sql, Object... values) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      return s.executeUpdate();
    }
  }
}
