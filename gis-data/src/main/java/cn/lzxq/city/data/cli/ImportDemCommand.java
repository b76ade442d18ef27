package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.terrain.DemImportException;
import cn.lzxq.city.data.terrain.DemImporter;
import cn.lzxq.city.data.terrain.DemRaster;
import cn.lzxq.city.data.terrain.DemStore;
import cn.lzxq.city.data.terrain.HeightReference;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code city import dem FILE}: a DEM (any raster GDAL reads, any CRS it declares) becomes the
 * current DEM version in one transaction; exit 1 with a file-numbered message and nothing written
 * when the file cannot be used.
 */
@Command(
    name = "dem",
    description = {
      "import a DEM (GeoTIFF or any GDAL raster, any declared CRS) as the new current terrain version",
      "Heights in metres: 1985 national datum (default) or ellipsoidal (--heights ellipsoidal, H = h - zeta)."
    })
final class ImportDemCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Parameters(arity = "1", paramLabel = "FILE", description = "the raster")
  Path file;

  @Option(
      names = "--heights",
      defaultValue = "normal_1985",
      description = "normal_1985 or ellipsoidal (default: ${DEFAULT-VALUE})")
  HeightReference heights;

  @Option(
      names = "--height-anomaly",
      defaultValue = "${env:CITY_TILES_HEIGHT_ANOMALY_M:--30}",
      description =
          "height anomaly zeta in metres for ellipsoidal heights (default: ${DEFAULT-VALUE})")
  double anomalyM;

  @Option(
      names = "--user",
      description = "who imports, recorded as changed_by (default: the OS user)")
  String user = System.getProperty("user.name");

  @Override
  public Integer call() throws Exception {
    DemRaster raster;
    try {
      raster = new DemImporter().read(file, 1, heights, anomalyM, ServiceArea.LANZHOU_NEW_AREA);
    } catch (DemImportException e) {
      System.err.println(e.getMessage());
      System.err.println("nothing written: fix the errors above 有错误，未写入");
      return 1;
    }
    try (HikariDataSource ds = db.open();
        Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id = DemStore.write(c, raster, file.getFileName().toString(), user);
        c.commit();
        double[] range = raster.range();
        System.out.printf(
            Locale.ROOT,
            "dem version %d: %d x %d pixels, %.1f .. %.1f m (1985 datum)%n",
            id,
            raster.grid().width(),
            raster.grid().height(),
            range[0],
            range[1]);
        return 0;
      } catch (Exception e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
  }
}
