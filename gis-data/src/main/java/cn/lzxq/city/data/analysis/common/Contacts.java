package cn.lzxq.city.data.analysis.common;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the contacts of organizations (owners to notify). */
public final class Contacts {

  private Contacts() {}

  /** The contacts of the given organization codes. */
  public static List<Contact> of(Session s, Collection<String> codes) throws SQLException {
    return s.template(
        "owner_contacts",
        Map.of("codes", codes.toArray(String[]::new)),
        r ->
            new Contact(
                r.str("code"),
                r.str("name"),
                r.str("contact_person"),
                r.str("phone"),
                r.str("email")));
  }
}
