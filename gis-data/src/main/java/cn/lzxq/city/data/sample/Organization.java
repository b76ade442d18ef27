package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * An organization of the sample, one row of {@code organization}.
 *
 * @param code organization code, referenced by owner and operator columns
 * @param name Chinese name
 * @param nameEn English name
 * @param kind utility, operator, tower, government, survey or developer
 * @param networks the networks it owns lines of
 */
public record Organization(
    String code, String name, String nameEn, String kind, List<String> networks) {

  /** Every organization the sample refers to. */
  public static final List<Organization> SAMPLE =
      List.of(
          new Organization(
              "LZXQ-GS", "兰州新区供水公司", "Lanzhou New Area Water Supply Co.", "utility", List.of("JS")),
          new Organization(
              "LZXQ-PS", "兰州新区排水公司", "Lanzhou New Area Drainage Co.", "utility", List.of("PS")),
          new Organization(
              "LZXQ-RQ", "兰州新区燃气公司", "Lanzhou New Area Gas Co.", "utility", List.of("RQ")),
          new Organization(
              "LZXQ-RL", "兰州新区热力公司", "Lanzhou New Area Heating Co.", "utility", List.of("RL")),
          new Organization(
              "SGCC-LZXQ",
              "国网兰州新区供电公司",
              "State Grid Lanzhou New Area Power Supply Co.",
              "utility",
              List.of("DL")),
          new Organization("CMCC", "中国移动", "China Mobile", "operator", List.of("TX")),
          new Organization("CUCC", "中国联通", "China Unicom", "operator", List.of("TX")),
          new Organization("CTCC", "中国电信", "China Telecom", "operator", List.of("TX")),
          new Organization("CBN", "中国广电", "China Broadnet", "operator", List.of("TX")),
          new Organization("CTTC", "中国铁塔", "China Tower", "tower", List.of("TX")),
          new Organization(
              "LZXQ-ZJJ",
              "兰州新区住房和城乡建设局",
              "Lanzhou New Area Housing and Construction Bureau",
              "government",
              List.of()),
          new Organization(
              "LZXQ-PC",
              "兰州新区地下管线普查项目组",
              "Lanzhou New Area Underground Pipeline Census Team",
              "survey",
              List.of()));

  /** The survey unit named on every surveyed feature. */
  public static final String SURVEY_UNIT = "兰州新区地下管线普查项目组";
}
