package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void namesBecomePlaceholdersInOrderAndCastsAndCommentsStay() {
    NamedSql n =
        NamedSql.parse(
            """
        -- a comment with :not_a_param
        SELECT CAST(:as_of AS timestamptz), x::int, :a + :b, 'a' || :a
        """);
    assertThat(n.sql())
        .contains("CAST(? AS timestamptz), x::int, ? + ?, 'a' || ?")
        .doesNotContain("not_a_param");
    assertThat(n.names()).isEqualTo(List.of("as_of", "a", "b", "a"));
  }
}
