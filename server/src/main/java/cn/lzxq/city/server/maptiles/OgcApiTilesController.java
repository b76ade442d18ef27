package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.ows.ServiceUrl;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.TileResponses;
import cn.lzxq.city.server.wms.WmsService;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.request.ImageFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Tiles 1.0 under {@code /ogcapi}: the tile matrix sets, vector tiles (MVT) per
 * collection and of the whole dataset ({@code /tiles}), map tiles (PNG, JPEG) per collection and of
 * the whole map ({@code /map/tiles}); {@code datetime} (one instant) is the as-of time. Errors are
 * problem details (404 for an unknown collection, set or tile, 400 for a bad parameter).
 */
@RestController
@RequestMapping("/ogcapi")
class OgcApiTilesController {

  private final TileMatrixSets sets;
  private final VectorTiles vectors;
  private final RasterTiles maps;
  private final LayerCatalog catalog;
  private final WmsService wms;

  OgcApiTilesController(
      TileMatrixSets sets,
      VectorTiles vectors,
      RasterTiles maps,
      LayerCatalog catalog,
      WmsService wms) {
    this.sets = sets;
    this.vectors = vectors;
    this.maps = maps;
    this.catalog = catalog;
    this.wms = wms;
  }

  @GetMapping("/tileMatrixSets")
  ObjectNode matrixSets(HttpServletRequest http) {
    return TilesDocuments.matrixSetList(sets.all(), api(http));
  }

  @GetMapping("/tileMatrixSets/{id}")
  ObjectNode matrixSet(@PathVariable String id) {
    return TilesDocuments.matrixSet(set(id));
  }

  @GetMapping("/collections/{id}/tiles")
  ObjectNode collectionTilesets(HttpServletRequest http, @PathVariable String id) {
    Layer layer = layer(id);
    return TilesDocuments.tilesetList(
        sets.all(), api(http), api(http) + "/collections/" + id + "/tiles", layer.titleZh(), true);
  }

  @GetMapping("/collections/{id}/tiles/{set}")
  ObjectNode collectionTileset(
      HttpServletRequest http, @PathVariable String id, @PathVariable String set) {
    Layer layer = layer(id);
    return TilesDocuments.tileset(
        set(set),
        api(http),
        api(http) + "/collections/" + id + "/tiles",
        layer.titleZh(),
        true,
        List.of(id));
  }

  @GetMapping("/collections/{id}/tiles/{set}/{z}/{row}/{col}")
  ResponseEntity<byte[]> collectionTile(
      @PathVariable String id,
      @PathVariable String set,
      @PathVariable int z,
      @PathVariable long row,
      @PathVariable long col,
      @RequestParam(required = false) String datetime,
      @RequestHeader HttpHeaders headers) {
    return vectorTile(List.of(layer(id)), set, z, row, col, datetime, headers);
  }

  @GetMapping("/tiles")
  ObjectNode datasetTilesets(HttpServletRequest http) {
    return TilesDocuments.tilesetList(
        sets.all(), api(http), api(http) + "/tiles", "兰州新区 city vector tiles", true);
  }

  @GetMapping("/tiles/{set}")
  ObjectNode datasetTileset(HttpServletRequest http, @PathVariable String set) {
    return TilesDocuments.tileset(
        set(set),
        api(http),
        api(http) + "/tiles",
        "兰州新区 city vector tiles",
        true,
        catalog.vectors().stream().map(Layer::name).toList());
  }

  @GetMapping("/tiles/{set}/{z}/{row}/{col}")
  ResponseEntity<byte[]> datasetTile(
      @PathVariable String set,
      @PathVariable int z,
      @PathVariable long row,
      @PathVariable long col,
      @RequestParam(required = false) String datetime,
      @RequestHeader HttpHeaders headers) {
    return vectorTile(catalog.vectors(), set, z, row, col, datetime, headers);
  }

  @GetMapping("/collections/{id}/map/tiles")
  ObjectNode collectionMapTilesets(HttpServletRequest http, @PathVariable String id) {
    Layer layer = layer(id);
    return TilesDocuments.tilesetList(
        sets.all(),
        api(http),
        api(http) + "/collections/" + id + "/map/tiles",
        layer.titleZh(),
        false);
  }

  @GetMapping("/collections/{id}/map/tiles/{set}")
  ObjectNode collectionMapTileset(
      HttpServletRequest http, @PathVariable String id, @PathVariable String set) {
    Layer layer = layer(id);
    return TilesDocuments.tileset(
        set(set),
        api(http),
        api(http) + "/collections/" + id + "/map/tiles",
        layer.titleZh(),
        false,
        List.of());
  }

  @GetMapping("/collections/{id}/map/tiles/{set}/{z}/{row}/{col}")
  ResponseEntity<byte[]> collectionMapTile(
      @PathVariable String id,
      @PathVariable String set,
      @PathVariable int z,
      @PathVariable long row,
      @PathVariable long col,
      @RequestParam(required = false) String datetime,
      @RequestParam(required = false) String f,
      @RequestHeader HttpHeaders headers) {
    layer(id);
    return mapTile(List.of(id), set, z, row, col, datetime, f, headers);
  }

  @GetMapping("/map/tiles")
  ObjectNode mapTilesets(HttpServletRequest http) {
    return TilesDocuments.tilesetList(
        sets.all(), api(http), api(http) + "/map/tiles", "兰州新区 city map", false);
  }

  @GetMapping("/map/tiles/{set}")
  ObjectNode mapTileset(HttpServletRequest http, @PathVariable String set) {
    return TilesDocuments.tileset(
        set(set), api(http), api(http) + "/map/tiles", "兰州新区 city map", false, List.of());
  }

  @GetMapping("/map/tiles/{set}/{z}/{row}/{col}")
  ResponseEntity<byte[]> mapTile(
      @PathVariable String set,
      @PathVariable int z,
      @PathVariable long row,
      @PathVariable long col,
      @RequestParam(required = false) String datetime,
      @RequestParam(required = false) String f,
      @RequestHeader HttpHeaders headers) {
    List<String> all = wms.layers().topLevel().stream().map(WmsLayer::name).toList();
    return mapTile(all, set, z, row, col, datetime, f, headers);
  }

  private ResponseEntity<byte[]> vectorTile(
      List<Layer> layers,
      String setId,
      int z,
      long row,
      long col,
      String datetime,
      HttpHeaders headers) {
    TileMatrixSet s = tile(setId, z, row, col);
    Instant asOf = asOf(datetime);
    CacheEntry e = vectors.tile(layers, asOf, s, z, row, col);
    return TileResponses.of(
        e, MediaType.parseMediaType(TilesDocuments.MVT), TileResponses.lifetime(asOf), headers);
  }

  private ResponseEntity<byte[]> mapTile(
      List<String> layers,
      String setId,
      int z,
      long row,
      long col,
      String datetime,
      String f,
      HttpHeaders headers) {
    TileMatrixSet s = tile(setId, z, row, col);
    ImageFormat format =
        switch (f == null ? "png" : f) {
          case "png" -> ImageFormat.PNG;
          case "jpeg", "jpg" -> ImageFormat.JPEG;
          default ->
              throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "f must be png or jpeg");
        };
    Instant asOf = asOf(datetime);
    CacheEntry e = maps.tile(layers, "", asOf, s, z, row, col, format);
    return TileResponses.of(
        e, MediaType.parseMediaType(format.mimeType()), TileResponses.lifetime(asOf), headers);
  }

  private TileMatrixSet tile(String setId, int z, long row, long col) {
    TileMatrixSet s = set(setId);
    if (!s.contains(z, row, col)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no tile " + z + "/" + row + "/" + col + " in " + setId);
    }
    return s;
  }

  private TileMatrixSet set(String id) {
    return sets.find(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no tile matrix set '" + id + "'"));
  }

  private Layer layer(String id) {
    return catalog
        .findVector(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no collection '" + id + "'"));
  }

  private static Instant asOf(String datetime) {
    if (datetime == null || datetime.isBlank() || datetime.equals("now")) {
      return null;
    }
    if (datetime.contains("/")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "datetime takes one instant (the as-of time), not an interval");
    }
    try {
      return Instant.parse(datetime);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "datetime '" + datetime + "' is not an RFC 3339 date-time");
    }
  }

  private static String api(HttpServletRequest http) {
    return ServiceUrl.of(http, "/ogcapi");
  }
}
