package cn.lzxq.city.data.query.cql;

/**
 * One token of CQL2 text.
 *
 * @param kind what it is
 * @param text identifiers and keywords as written, strings unquoted, WKT as written
 * @param position the character offset in the filter text (for error messages)
 */
record CqlToken(Kind kind, String text, int position) {

  /** Token kinds. */
  enum Kind {
    IDENT,
    QUOTED_IDENT,
    STRING,
    NUMBER,
    OPERATOR,
    LPAREN,
    RPAREN,
    COMMA,
    WKT,
    END
  }

  /** True for an identifier spelled {@code word} (case-insensitive): keywords are identifiers. */
  boolean is(String word) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(word);
  }
}
