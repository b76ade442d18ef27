package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.io.AsOf;
import cn.lzxq.city.data.io.CityExporter;
import cn.lzxq.city.data.io.ExportFormat;
import cn.lzxq.city.data.io.LayerTable;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Exports layers, current or as of a time, to GeoPackage or GeoJSON. */
@Command(
    name = "export",
    description = {
      "export layers to GeoPackage (one file, native CRS) or GeoJSON (CRS84; a file per layer)",
      "Layers: pipe_js pipe_ps pipe_rq pipe_rl pipe_dl pipe_tx pipe_point base_station antenna_sector",
      "        zoning_parcel road construction_project (default: all)"
    })
final class ExportCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, description = "gpkg or geojson")
  ExportFormat format;

  @Option(
      names = "--out",
      required = true,
      description = "the .gpkg file; for GeoJSON a .geojson file (one layer) or a directory")
  Path out;

  @Option(names = "--layer", description = "a layer to export (repeatable; default: all)")
  List<String> layers;

  @Option(
      names = "--as-of",
      description =
          "export the data as it was at this time: 2020-01-01 or 2020-01-01T08:00:00+08:00")
  String asOf;

  @Override
  public Integer call() throws Exception {
    List<LayerTable> selected =
        layers == null
            ? Arrays.asList(LayerTable.values())
            : layers.stream()
                .map(
                    l ->
                        LayerTable.byName(l)
                            .orElseThrow(
                                () ->
                                    new ParameterException(
                                        spec.commandLine(), "unknown layer: " + l)))
                .toList();
    Instant time;
    try {
      time = asOf == null ? null : AsOf.parse(asOf);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (HikariDataSource ds = db.open()) {
      Map<String, Long> counts =
          new CityExporter(ds).export(format, out, selected, time, new ProgressBars());
      counts.forEach((layer, n) -> System.out.println(layer + ": " + n));
      return 0;
    }
  }
}
