package cn.lzxq.city.data.io.cjj61;

import static cn.lzxq.city.data.io.cjj61.Cjj61Field.LAYING;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.MATERIAL;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.OWNER;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.PRESSURE;

import cn.lzxq.city.data.io.qa.QaCode;
import java.math.BigDecimal;

/**
 * The dictionary codes of a segment row, resolved from what the table writes (a code or the Chinese
 * name) to what is stored, reporting unknown values.
 *
 * @param material material_code.code, or null
 * @param laying laying_code.code, or null
 * @param pressureMpa gauge pressure, MPa, or null
 * @param pressureClass gas pressure class (L, MB … HA), or null
 * @param owner organization.code, or null when unknown
 */
public record SegmentCodes(
    String material, String laying, BigDecimal pressureMpa, String pressureClass, String owner) {

  /** Resolves the codes of a row of a network (which may be null when unknown). */
  static SegmentCodes resolve(Dictionaries dict, SegmentRow s, String network) {
    Cells c = s.cells();
    String material = Dictionaries.lookup(dict.materials(), s.material());
    if (s.material() != null && material == null) {
      c.error(MATERIAL, QaCode.UNKNOWN_MATERIAL, "'" + s.material() + "' (CJJ 61 Appendix C.0.1)");
    } else if (material != null
        && network != null
        && !dict.materialNetworks().get(material).contains(network)) {
      c.issues()
          .warning(
              c.source(),
              c.row(),
              c.map().header(MATERIAL),
              QaCode.MATERIAL_NOT_FOR_NETWORK,
              material + " for " + network);
    }
    String laying = Dictionaries.lookup(dict.layings(), s.laying());
    if (s.laying() != null && laying == null) {
      c.error(LAYING, QaCode.UNKNOWN_LAYING, "'" + s.laying() + "' (CJJ 61 Appendix C.0.2)");
    }
    BigDecimal mpa = null;
    String gasClass = null;
    if (s.pressure() != null) {
      gasClass = Dictionaries.lookup(dict.pressureClasses(), s.pressure());
      boolean gas = "RQ".equals(network);
      if (gasClass == null) {
        mpa = Cells.parseNumber(s.pressure());
        gasClass = mpa != null && gas ? dict.pressureClassOf(mpa.doubleValue()) : null;
        if (mpa == null) {
          c.error(
              PRESSURE,
              gas ? QaCode.UNKNOWN_PRESSURE_CLASS : QaCode.NOT_A_NUMBER,
              "'"
                  + s.pressure()
                  + (gas
                      ? "' (低压 中压A 中压B 次高压A 次高压B 高压A 高压B, L MB MA SHB SHA HB HA, or MPa)"
                      : "' (MPa)"));
        } else if (gas && gasClass == null) {
          c.error(
              PRESSURE,
              QaCode.UNKNOWN_PRESSURE_CLASS,
              mpa.toPlainString() + " MPa is outside every class (0–4.0 MPa)");
        }
      } else if (!gas && network != null) {
        c.error(
            PRESSURE,
            QaCode.UNKNOWN_PRESSURE_CLASS,
            "'" + s.pressure() + "' is a gas class; " + network + " takes MPa");
        gasClass = null;
      }
    }
    return new SegmentCodes(material, laying, mpa, gasClass, owner(dict, c, s.owner()));
  }

  /** The organization code of an owner name or code; reports an unknown one. */
  static String owner(Dictionaries dict, Cells c, String text) {
    String code = Dictionaries.lookup(dict.owners(), text);
    if (text != null && code == null) {
      c.error(
          OWNER, QaCode.UNKNOWN_OWNER, "'" + text + "' is not an organisation name or code 非已登记单位");
    }
    return code;
  }
}
