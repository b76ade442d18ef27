package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.ortho.DomImportException;
import cn.lzxq.city.data.ortho.DomImporter;
import cn.lzxq.city.data.ortho.DomRaster;
import cn.lzxq.city.data.ortho.DomStore;
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
 * {@code city import dom FILE}: an orthophoto (any 8-bit raster GDAL reads, any CRS it declares)
 * becomes the current version of the {@code orthophoto} layer in one transaction; exit 1 with a
 * file-numbered message and nothing written when the file cannot be used.
 */
@Command(
    name = "dom",
    description = {
      "import an orthophoto (GeoTIFF, JPEG2000 or any 8-bit GDAL raster: grey, RGB or RGBA, any declared CRS)",
      "as the new current version of the orthophoto layer (served by WMS GetMap)."
    })
final class ImportDomCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Parameters(arity = "1", paramLabel = "FILE", description = "the raster")
  Path file;

  @Option(names = "--note", description = "what the image is (source, date, resolution)")
  String note;

  @Option(
      names = "--user",
      description = "who imports, recorded as changed_by (default: the OS user)")
  String user = System.getProperty("user.name");

  @Override
  public Integer call() throws Exception {
    try (HikariDataSource ds = db.open();
        Connection c = ds.getConnection()) {
      int srid = TableColumns.load(c, "pipe_point").nativeSrid();
      DomRaster raster;
      try {
        raster = new DomImporter().read(file, 1, srid, ServiceArea.LANZHOU_NEW_AREA);
      } catch (DomImportException e) {
        System.err.println(e.getMessage());
        System.err.println("nothing written: fix the errors above 有错误，未写入");
        return 1;
      }
      try (raster) {
        c.setAutoCommit(false);
        long id = DomStore.write(c, raster, srid, file.getFileName().toString(), note, user);
        c.commit();
        System.out.printf(
            Locale.ROOT,
            "orthophoto version %d: %d x %d pixels of %.3f m (EPSG:%d), %d levels%n",
            id,
            raster.width(),
            raster.height(),
            raster.pixelM(),
            srid,
            raster.levels().size());
        return 0;
      } catch (Exception e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
  }
}
