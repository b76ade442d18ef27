package cn.lzxq.city.data.sample;

/** Chinese numerals for road names (经十二路, 纬一百零五路). */
final class ChineseNumerals {

  private static final String DIGITS = "零一二三四五六七八九";

  private ChineseNumerals() {}

  /** The numeral for 1 to 999, as written in road names: 十, 十二, 二十, 一百零五, 一百一十. */
  static String of(int n) {
    if (n < 1 || n > 999) {
      throw new IllegalArgumentException("out of range: " + n);
    }
    int hundreds = n / 100;
    int tens = n / 10 % 10;
    int ones = n % 10;
    StringBuilder s = new StringBuilder();
    if (hundreds > 0) {
      s.append(DIGITS.charAt(hundreds)).append('百');
      if (tens == 0 && ones > 0) {
        s.append('零');
      }
    }
    if (tens > 0) {
      if (hundreds > 0 || tens > 1) {
        s.append(DIGITS.charAt(tens));
      }
      s.append('十');
    }
    if (ones > 0) {
      s.append(DIGITS.charAt(ones));
    }
    return s.toString();
  }
}
