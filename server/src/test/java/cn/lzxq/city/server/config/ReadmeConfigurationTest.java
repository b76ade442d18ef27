package cn.lzxq.city.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ${VARIABLE:default}} of application.yml has a row in the README's configuration
 * table with the same default, and every row of that table is a variable of application.yml.
 */
class ReadmeConfigurationTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");
  private static final Pattern ROW =
      Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| ([^|]*) \\|", Pattern.MULTILINE);

  @Test
  void theReadmeTableListsExactlyTheVariablesOfApplicationYmlWithTheirDefaults()
      throws IOException {
    Map<String, String> yml = new TreeMap<>();
    Matcher m =
        PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
    while (m.find()) {
      yml.put(m.group(1), m.group(2));
    }
    Map<String, String> readme = new TreeMap<>();
    Matcher r = ROW.matcher(serverTable(Files.readString(Path.of("../README.md"))));
    while (r.find()) {
      String shown = r.group(2).trim();
      readme.put(r.group(1), shown.equals("(empty)") ? "" : shown.replaceAll("^`|`$", ""));
    }

    assertThat(yml).as("application.yml placeholders").hasSizeGreaterThan(10);
    assertThat(readme)
        .as("README table (variable → default) against application.yml")
        .isEqualTo(yml);
  }

  /** The README's "## Configuration" section up to its first table's end. */
  private static String serverTable(String readme) {
    int section = readme.indexOf("## Configuration");
    assertThat(section).as("README has a Configuration section").isNotNegative();
    int header = readme.indexOf("| variable | default | meaning |", section);
    assertThat(header).as("the Configuration section has the variable table").isNotNegative();
    int end = readme.indexOf("\n\n", header);
    return readme.substring(header, end < 0 ? readme.length() : end);
  }
}
