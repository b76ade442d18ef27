package cn.lzxq.city.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: server → tiles, server → gis-data; tiles knows no Spring, JDBC or
 * PostGIS.
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
}
