package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void aLibpqUrlBecomesAJdbcUrlWithItsCredentialsApart() {
    DatabaseConfig c = DatabaseConfig.parse("postgresql://city:s%40cret@db.example:6543/city");
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/city");
    assertThat(c.user()).isEqualTo("city");
    assertThat(c.password()).isEqualTo("s@cret");
    assertThat(c.schema()).isEqualTo("public");
  }

  @Test
  void aJdbcUrlKeepsItsParametersButNotItsSecrets() {
    DatabaseConfig c =
        DatabaseConfig.parse(
            "jdbc:postgresql://127.0.0.1/city?user=u&password=p&ApplicationName=city");
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/city?ApplicationName=city");
    assertThat(c.user()).isEqualTo("u");
    assertThat(c.password()).isEqualTo("p");
  }

  @Test
  void severalHostsArePassedOnForFailover() {
    DatabaseConfig c =
        DatabaseConfig.parse(
            "postgres://city:city@10.0.0.1:5601,10.0.0.2,[::1]:5603/city?targetServerType=primary");
    assertThat(c.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://10.0.0.1:5601,10.0.0.2:5432,[::1]:5603/city"
                + "?targetServerType=primary");
  }

  @Test
  void otherSchemesAreRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> DatabaseConfig.parse("mysql://root:hunter2@localhost/city"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("***")
        .hasMessageNotContaining("hunter2");
  }
}
