package cn.lzxq.city.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: server → tiles, server → gis-data; tiles knows no Spring, JDBC or
 * PostGIS. The valid-time predicate has one home: no main source outside {@code ValidTime} and the
 * migrations (whose partial indexes state it) writes {@code valid_to IS NULL}.
 */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.lzxq.city");

  @Test
  void tilesIsFreeOfSpringJdbcAndTheOtherModules() {
    noClasses()
        .that()
        .resideInAPackage("cn.lzxq.city.tiles..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.postgresql..",
            "cn.lzxq.city.data..",
            "cn.lzxq.city.server..")
        .check(classes);
  }

  /**
   * The one exception is spring-security-crypto (a plain library, no container) in {@code
   * data.user.Passwords}: the {@code city user} command must write the very hash the server checks.
   */
  @Test
  void gisDataDependsOnNeitherTheServerNorTilesNorSpring() {
    noClasses()
        .that()
        .resideInAPackage("cn.lzxq.city.data..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "cn.lzxq.city.server..", "cn.lzxq.city.tiles..", "org.springframework..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage(
                            "org.springframework.security.crypto.."))))
        .check(classes);
  }

  @Test
  void theValidTimePredicateHasOneHome() throws IOException {
    List<String> strays;
    try (Stream<Path> files =
        Stream.of("../gis-data/src/main", "../tiles/src/main", "src/main")
            .map(Path::of)
            .flatMap(ArchitectureTest::walk)) {
      strays =
          files
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
              .filter(p -> !p.toString().contains("db/migration"))
              .filter(p -> !p.endsWith("ValidTime.java"))
              .filter(ArchitectureTest::writesOpenVersion)
              .map(Path::toString)
              .toList();
    }
    assertThat(strays).isEmpty();
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean writesOpenVersion(Path file) {
    try {
      return Files.readString(file).toLowerCase().contains("valid_to is null");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
