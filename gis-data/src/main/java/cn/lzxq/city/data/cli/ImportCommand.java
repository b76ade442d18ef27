package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.io.CityImporter;
import cn.lzxq.city.data.io.ImportOptions;
import cn.lzxq.city.data.io.qa.QaReport;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports CJJ 61 survey tables (CSV, XLSX), GeoJSON, GeoPackage, shapefile and CityJSON files in
 * one transaction, printing the QA report; exit 1 (nothing written) when a file has errors.
 */
@Command(
    name = "import",
    subcommands = {
      ImportDemCommand.class,
      ImportDomCommand.class,
      ImportTilesetCommand.class,
      ImportOsgbCommand.class
    },
    description = {
      "import CJJ 61 survey tables (.csv .xlsx), GeoJSON (.geojson .json), GeoPackage (.gpkg),"
          + " shapefiles (.shp) and CityJSON buildings (.city.json .cityjson) files",
      "All files are checked first; nothing is written unless all of them are valid."
    })
final class ImportCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  // 0..*: picocli checks a parent's required parameters even when a subcommand (dem, dom, tileset,
  // osgb) is given, so FILE is required in call()
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "files to import together")
  List<Path> files;

  @Spec CommandSpec spec;

  @Option(
      names = "--layer",
      description = "layer of GeoJSON/GeoPackage input (default: from the file)")
  String layer;

  @Option(
      names = "--user",
      description = "who imports, recorded as changed_by (default: the OS user)")
  String user = System.getProperty("user.name");

  @Option(
      names = "--encoding",
      description = "CSV encoding, e.g. UTF-8 or GBK (default: detect UTF-8, else GB18030)")
  Charset encoding;

  @Option(
      names = "--source-srid",
      description = "EPSG code of X/Y in survey tables (default: the native CRS)")
  Integer sourceSrid;

  @Option(names = "--dry-run", description = "check only, write nothing")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    if (files == null || files.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'FILE' (or a subcommand)");
    }
    ImportOptions options =
        new ImportOptions(user, layer, encoding, sourceSrid, dryRun, ServiceArea.LANZHOU_NEW_AREA);
    try (HikariDataSource ds = db.open()) {
      QaReport report = new CityImporter(ds).importFiles(files, options, new ProgressBars());
      System.out.print(report.format());
      if (!report.ok()) {
        System.err.println("nothing written: fix the errors above 有错误，未写入");
        return 1;
      }
      return 0;
    }
  }
}
