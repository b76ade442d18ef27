package cn.lzxq.city.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: server → tiles, server → gis-data; tiles knows no Spring, JDBC or PostGIS. */
class ArchitectureTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cn.lzxq.city");

  @Test
  void tilesIsFreeOfSpringJdbcAndTheOtherModules() {
    noClasses().that().resideInAPackage("cn.lzxq.city.tiles..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "org.postgresql..",
            "cn.lzxq.city.data..", "cn.lzxq.city.server..")
        .check(classes);
  }

  @Test
  void gisDataDependsOnNeitherTheServerNorTilesNorSpring() {
    noClasses().that().resideInAPackage("cn.lzxq.city.data..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "cn.lzxq.city.server..", "cn.lzxq.city.tiles..", "org.springframework..")
        .check(classes);
  }
}
