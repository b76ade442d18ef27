package cn.lzxq.city.server;

import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.server.tiles3d.export.TilesExportCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Lanzhou New Area 3D City Information Service.
 *
 * <p>{@code java -jar city-server.jar} starts the server; {@code java -jar city-server.jar
 * <command> ...} runs a data command instead (migrate, sample, import, export), so one jar carries
 * both.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CityServerApplication {

  public static void main(String[] args) {
    if (args.length > 0 && CityCli.isCommand(args[0])) {
      System.exit(CityCli.run(args));
    }
    if (args.length > 0 && TilesExportCommand.NAME.equals(args[0])) {
      System.exit(TilesExportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(CityServerApplication.class, args);
  }
}
