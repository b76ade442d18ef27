package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.ows.ExceptionReports;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.ows.ServiceUrl;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.TileResponses;
import cn.lzxq.city.server.wms.WmsService;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.request.GetFeatureInfoRequest;
import cn.lzxq.city.server.wms.request.GetFeatureInfoRequest.InfoFormat;
import cn.lzxq.city.server.wms.request.GetMapRequest;
import cn.lzxq.city.server.wms.request.ImageFormat;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.request.TimeParam;
import cn.lzxq.city.server.wms.style.Style;
import jakarta.servlet.http.HttpServletRequest;
import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code /wmts}: WMTS 1.0.0 in KVP ({@code ?SERVICE=WMTS&REQUEST=…}) and RESTful form ({@code
 * /wmts/{layer}/{style}/{TIME}/{set}/{z}/{row}/{col}.png}, the capabilities at {@code
 * /wmts/1.0.0/WMTSCapabilities.xml}). Tiles come from {@link RasterTiles}; GetFeatureInfo asks the
 * WMS feature search at the tile's pixel. Errors are OWS 1.1 ExceptionReports (WMTS 1.0.0 §8.3:
 * TileOutOfRange and the OWS codes, statuses as {@link OwsException#statusOf}).
 */
@Controller
class WmtsController {

  private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

  private final WmsService wms;
  private final RasterTiles tiles;
  private final TileMatrixSets sets;
  private final Instant timeStart;
  private final Instant timeEnd;

  WmtsController(WmsService wms, RasterTiles tiles, TileMatrixSets sets) {
    this.wms = wms;
    this.tiles = tiles;
    this.sets = sets;
    this.timeStart = wms.properties().timeStart();
    this.timeEnd = wms.properties().timeEnd();
  }

  @GetMapping("/wmts")
  ResponseEntity<?> kvp(HttpServletRequest http, @RequestHeader HttpHeaders headers) {
    KvpMap kvp = KvpMap.of(http.getParameterMap());
    try {
      kvp.get("SERVICE")
          .filter(s -> !s.equalsIgnoreCase("WMTS"))
          .ifPresent(
              s -> {
                throw new OwsException(
                    OwsException.INVALID_PARAMETER_VALUE, "SERVICE", "this endpoint serves WMTS");
              });
      String operation = kvp.get("REQUEST").orElse("");
      return switch (operation.toLowerCase(Locale.ROOT)) {
        case "getcapabilities" -> capabilities(http);
        case "gettile" ->
            tile(
                kvp.require("LAYER"),
                kvp.get("STYLE").orElse(""),
                kvp.get("TIME").orElse(null),
                kvp.require("TILEMATRIXSET"),
                kvp.require("TILEMATRIX"),
                kvp.require("TILEROW"),
                kvp.require("TILECOL"),
                format(kvp.require("FORMAT")),
                headers);
        case "getfeatureinfo" ->
            featureInfo(
                kvp.require("LAYER"),
                kvp.get("STYLE").orElse(""),
                kvp.get("TIME").orElse(null),
                kvp.require("TILEMATRIXSET"),
                kvp.require("TILEMATRIX"),
                kvp.require("TILEROW"),
                kvp.require("TILECOL"),
                kvp.require("J"),
                kvp.require("I"),
                InfoFormat.parse(kvp.require("INFOFORMAT")));
        case "" ->
            throw new OwsException(
                OwsException.MISSING_PARAMETER_VALUE, "REQUEST", "parameter REQUEST is missing");
        default ->
            throw new OwsException(
                OwsException.OPERATION_NOT_SUPPORTED,
                "REQUEST",
                "operation "
                    + operation
                    + " is not supported; use GetCapabilities, GetTile or GetFeatureInfo",
                501);
      };
    } catch (RuntimeException e) {
      return error(OwsException.of(e, http));
    }
  }

  @GetMapping("/wmts/1.0.0/WMTSCapabilities.xml")
  ResponseEntity<?> restCapabilities(HttpServletRequest http) {
    try {
      return capabilities(http);
    } catch (RuntimeException e) {
      return error(OwsException.of(e, http));
    }
  }

  @GetMapping("/wmts/{layer}/{style}/{time}/{set}/{z}/{row}/{col}.{ext}")
  ResponseEntity<?> restTile(
      HttpServletRequest http,
      @PathVariable String layer,
      @PathVariable String style,
      @PathVariable String time,
      @PathVariable String set,
      @PathVariable String z,
      @PathVariable String row,
      @PathVariable String col,
      @PathVariable String ext,
      @RequestHeader HttpHeaders headers) {
    try {
      ImageFormat format =
          switch (ext) {
            case "png" -> ImageFormat.PNG;
            case "jpg", "jpeg" -> ImageFormat.JPEG;
            default ->
                throw new OwsException(
                    OwsException.INVALID_PARAMETER_VALUE, "FORMAT", "no tile format ." + ext);
          };
      return tile(layer, style, time, set, z, row, col, format, headers);
    } catch (RuntimeException e) {
      return error(OwsException.of(e, http));
    }
  }

  @GetMapping("/wmts/{layer}/{style}/{time}/{set}/{z}/{row}/{col}/{j}/{i}.{ext}")
  ResponseEntity<?> restFeatureInfo(
      HttpServletRequest http,
      @PathVariable String layer,
      @PathVariable String style,
      @PathVariable String time,
      @PathVariable String set,
      @PathVariable String z,
      @PathVariable String row,
      @PathVariable String col,
      @PathVariable String j,
      @PathVariable String i,
      @PathVariable String ext) {
    try {
      InfoFormat format =
          switch (ext) {
            case "json" -> InfoFormat.JSON;
            case "html" -> InfoFormat.HTML;
            case "txt" -> InfoFormat.TEXT;
            case "xml" -> InfoFormat.XML;
            default ->
                throw new OwsException(
                    OwsException.INVALID_PARAMETER_VALUE, "INFOFORMAT", "no info format ." + ext);
          };
      return featureInfo(layer, style, time, set, z, row, col, j, i, format);
    } catch (RuntimeException e) {
      return error(OwsException.of(e, http));
    }
  }

  private ResponseEntity<String> capabilities(HttpServletRequest http) {
    return ResponseEntity.ok()
        .contentType(XML)
        .body(
            WmtsCapabilities.write(
                wms.layers().topLevel(),
                sets.all(),
                ServiceUrl.of(http, "/wmts"),
                timeStart,
                timeEnd));
  }

  private ResponseEntity<byte[]> tile(
      String layerName,
      String styleName,
      String time,
      String setId,
      String matrix,
      String rowText,
      String colText,
      ImageFormat format,
      HttpHeaders headers) {
    TileAddress t = address(layerName, styleName, time, setId, matrix, rowText, colText);
    CacheEntry e =
        tiles.tile(
            List.of(t.layer().name()),
            t.style(),
            t.asOf(),
            t.set(),
            t.z(),
            t.row(),
            t.col(),
            format);
    return TileResponses.of(
        e, MediaType.parseMediaType(format.mimeType()), TileResponses.lifetime(t.asOf()), headers);
  }

  private ResponseEntity<String> featureInfo(
      String layerName,
      String styleName,
      String time,
      String setId,
      String matrix,
      String rowText,
      String colText,
      String jText,
      String iText,
      InfoFormat format) {
    TileAddress t = address(layerName, styleName, time, setId, matrix, rowText, colText);
    int i = pixel(iText, "I");
    int j = pixel(jText, "J");
    GetMapRequest map =
        new GetMapRequest(
            List.of(t.layer().name()),
            List.of(t.style()),
            new MapWindow(
                t.set().crs(),
                t.set().tileEnvelope(t.z(), t.row(), t.col(), 0),
                TileMatrixSet.TILE_SIZE,
                TileMatrixSet.TILE_SIZE,
                TileMatrixSet.STANDARD_DPI),
            ImageFormat.PNG,
            true,
            Color.WHITE,
            t.asOf(),
            null,
            List.of());
    String body =
        wms.featureInfo(
            new GetFeatureInfoRequest(map, List.of(t.layer().name()), format, i, j, 10, 4));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(format.mimeType() + ";charset=UTF-8"))
        .body(body);
  }

  /** A checked tile address. */
  private record TileAddress(
      WmsLayer layer, String style, Instant asOf, TileMatrixSet set, int z, long row, long col) {}

  private TileAddress address(
      String layerName,
      String styleName,
      String time,
      String setId,
      String matrix,
      String rowText,
      String colText) {
    WmsLayer layer =
        wms.layers()
            .find(layerName)
            .orElseThrow(
                () ->
                    new OwsException(
                        OwsException.INVALID_PARAMETER_VALUE,
                        "LAYER",
                        "no layer named '" + layerName + "'"));
    String style =
        styleName.isBlank() || styleName.equalsIgnoreCase("default")
            ? layer.styles().get(0).name()
            : styleName;
    if (layer.styles().stream().map(Style::name).noneMatch(style::equals)) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "STYLE",
          "layer " + layerName + " has no style '" + styleName + "'");
    }
    TileMatrixSet set =
        sets.find(setId)
            .orElseThrow(
                () ->
                    new OwsException(
                        OwsException.INVALID_PARAMETER_VALUE,
                        "TILEMATRIXSET",
                        "no tile matrix set '"
                            + setId
                            + "'; use one of "
                            + sets.all().stream().map(TileMatrixSet::id).toList()));
    int z = (int) integer(matrix, "TILEMATRIX");
    if (z < 0 || z > set.maxLevel()) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "TILEMATRIX",
          "tile matrix " + matrix + " is not in " + setId + " (0–" + set.maxLevel() + ")");
    }
    long row = integer(rowText, "TILEROW");
    long col = integer(colText, "TILECOL");
    if (row < 0 || row >= set.matrixHeight(z)) {
      throw new OwsException("TileOutOfRange", "TILEROW", "row " + row + " is outside matrix " + z);
    }
    if (col < 0 || col >= set.matrixWidth(z)) {
      throw new OwsException(
          "TileOutOfRange", "TILECOL", "column " + col + " is outside matrix " + z);
    }
    Instant asOf =
        time == null
            ? null
            : TimeParam.parse(KvpMap.of(Map.of("TIME", new String[] {time})), timeStart, timeEnd);
    return new TileAddress(layer, style, asOf, set, z, row, col);
  }

  private static ImageFormat format(String mime) {
    String f = mime.toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (f) {
      case "image/png" -> ImageFormat.PNG;
      case "image/jpeg" -> ImageFormat.JPEG;
      default ->
          throw new OwsException(
              OwsException.INVALID_PARAMETER_VALUE,
              "FORMAT",
              "format " + mime + " is not served; use image/png or image/jpeg");
    };
  }

  private static long integer(String text, String locator) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE, locator, locator + " must be an integer");
    }
  }

  private static int pixel(String text, String locator) {
    long v = integer(text, locator);
    if (v < 0 || v >= TileMatrixSet.TILE_SIZE) {
      throw new OwsException("PointIJOutOfRange", locator, locator + " must be 0–255");
    }
    return (int) v;
  }

  private static ResponseEntity<String> error(OwsException e) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.httpStatus()).contentType(XML);
    if (e.unavailable()) {
      answer.header("Retry-After", Failures.RETRY_AFTER_SECONDS);
    }
    return answer.body(ExceptionReports.ows(e, "1.0.0"));
  }
}
