package cn.lzxq.city.data.analysis.pipe;

import cn.lzxq.city.data.analysis.common.Contact;
import cn.lzxq.city.data.analysis.common.Row;
import java.sql.SQLException;

/**
 * A pipe segment in an answer, with what a pipeline office needs to find it and whom to call.
 *
 * @param fid stable feature id (0 is the proposed pipe)
 * @param network JS PS RQ RL DL TX (or the proposed pipe's type)
 * @param sizeMm DN or box width, millimetres
 * @param size the size as drawn: "DN300" or, for boxes and duct banks, "800×300" (W×H, mm)
 * @param material CJJ 61 material code
 * @param laying CJJ 61 laying code (ZM, GM, GK, GG, ZH …)
 * @param road the road it lies under
 * @param startPoint survey point number (物探点号) at its start
 * @param endPoint survey point number at its end
 * @param startDepthM surveyed depth at the start (top; invert for drainage), metres
 * @param endDepthM surveyed depth at the end, metres
 * @param startElevM surveyed elevation at the start (top; invert for drainage), metres (1985 datum)
 * @param endElevM surveyed elevation at the end, metres
 * @param owner 权属单位 code
 * @param ownerName the owner's name
 * @param ownerContact the owner's contact (organization table), or null
 */
public record PipeRef(
    long fid,
    String network,
    Integer sizeMm,
    String size,
    String material,
    String laying,
    String road,
    String startPoint,
    String endPoint,
    Double startDepthM,
    Double endDepthM,
    Double startElevM,
    Double endElevM,
    String owner,
    String ownerName,
    Contact ownerContact) {

  /**
   * Reads a pipe from the columns {@code p}fid, network, dn, width, height, material, laying, road,
   * start_point, end_point, start_depth, end_depth, start_elev, end_elev, owner, owner_name,
   * owner_person, owner_phone, owner_email of a result row.
   */
  public static PipeRef read(Row r, String p) throws SQLException {
    Integer dn = r.integer(p + "dn");
    Integer width = r.integer(p + "width");
    Integer height = r.integer(p + "height");
    String size =
        width != null && height != null ? width + "×" + height : dn != null ? "DN" + dn : null;
    String owner = r.str(p + "owner");
    String person = r.str(p + "owner_person");
    String phone = r.str(p + "owner_phone");
    String email = r.str(p + "owner_email");
    Contact contact =
        person == null && phone == null && email == null
            ? null
            : new Contact(owner, r.str(p + "owner_name"), person, phone, email);
    return new PipeRef(
        r.lng(p + "fid"),
        r.str(p + "network"),
        width != null ? width : dn,
        size,
        r.str(p + "material"),
        r.str(p + "laying"),
        r.str(p + "road"),
        r.str(p + "start_point"),
        r.str(p + "end_point"),
        r.dbl(p + "start_depth", 3),
        r.dbl(p + "end_depth", 3),
        r.dbl(p + "start_elev", 3),
        r.dbl(p + "end_elev", 3),
        owner,
        r.str(p + "owner_name"),
        contact);
  }
}
