package cn.lzxq.city.data.query.cql;

import cn.lzxq.city.data.query.QueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits CQL2 text into tokens. A geometry literal ({@code POINT(…)}, {@code POLYGON Z (…)} …)
 * becomes one WKT token, so the parser hands it whole to the WKT reader.
 */
final class CqlLexer {

  private static final Set<String> GEOMETRY_WORDS =
      Set.of(
          "POINT",
          "LINESTRING",
          "POLYGON",
          "MULTIPOINT",
          "MULTILINESTRING",
          "MULTIPOLYGON",
          "GEOMETRYCOLLECTION");

  private final String text;
  private int pos;

  private CqlLexer(String text) {
    this.text = text;
  }

  /** The tokens of the text, ending with an END token. */
  static List<CqlToken> tokens(String text) {
    CqlLexer lexer = new CqlLexer(text);
    List<CqlToken> out = new ArrayList<>();
    CqlToken t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != CqlToken.Kind.END);
    return out;
  }

  private CqlToken next() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= text.length()) {
      return new CqlToken(CqlToken.Kind.END, "", start);
    }
    char c = text.charAt(pos);
    switch (c) {
      case '(' -> {
        pos++;
        return new CqlToken(CqlToken.Kind.LPAREN, "(", start);
      }
      case ')' -> {
        pos++;
        return new CqlToken(CqlToken.Kind.RPAREN, ")", start);
      }
      case ',' -> {
        pos++;
        return new CqlToken(CqlToken.Kind.COMMA, ",", start);
      }
      case '\'' -> {
        return new CqlToken(CqlToken.Kind.STRING, quoted('\''), start);
      }
      case '"' -> {
        return new CqlToken(CqlToken.Kind.QUOTED_IDENT, quoted('"'), start);
      }
      case '=', '<', '>', '!' -> {
        return new CqlToken(CqlToken.Kind.OPERATOR, operator(), start);
      }
      default -> {
        if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
          return new CqlToken(CqlToken.Kind.NUMBER, number(), start);
        }
        if (Character.isLetter(c) || c == '_') {
          return word(start);
        }
        throw error(start, "unexpected character '" + c + "'");
      }
    }
  }

  private String quoted(char quote) {
    StringBuilder b = new StringBuilder();
    int start = pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        if (pos < text.length() && text.charAt(pos) == quote) {
          b.append(quote);
          pos++;
        } else {
          return b.toString();
        }
      } else {
        b.append(c);
      }
    }
    throw error(start, "unterminated " + (quote == '\'' ? "string" : "quoted identifier"));
  }

  private String operator() {
    String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
    if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")) {
      pos += 2;
      return two.equals("!=") ? "<>" : two;
    }
    char c = text.charAt(pos);
    if (c == '!') {
      throw error(pos, "unexpected '!'");
    }
    pos++;
    return String.valueOf(c);
  }

  private String number() {
    int start = pos;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      pos++;
    }
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
        pos++;
      }
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    String n = text.substring(start, pos);
    if (n.equals("-") || n.equals("+") || n.equals(".")) {
      throw error(start, "not a number: '" + n + "'");
    }
    return n;
  }

  private CqlToken word(int start) {
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos))
            || text.charAt(pos) == '_'
            || text.charAt(pos) == ':'
            || text.charAt(pos) == '.')) {
      pos++;
    }
    String w = text.substring(start, pos);
    if (GEOMETRY_WORDS.contains(w.toUpperCase(Locale.ROOT))) {
      return new CqlToken(CqlToken.Kind.WKT, wkt(start), start);
    }
    return new CqlToken(CqlToken.Kind.IDENT, w, start);
  }

  /** The WKT from {@code start} to the parenthesis closing the first one (or EMPTY). */
  private String wkt(int start) {
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (--depth == 0) {
          return text.substring(start, pos);
        }
      } else if (depth == 0 && text.regionMatches(true, pos - 1, "EMPTY", 0, 5)) {
        pos += 4;
        return text.substring(start, pos);
      }
    }
    throw error(start, "unterminated geometry literal");
  }

  static QueryException error(int position, String message) {
    return new QueryException(
        "InvalidParameterValue",
        "filter",
        "CQL2 syntax error at position " + position + ": " + message);
  }
}
