package cn.lzxq.city.server.wms;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Feature;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.data.query.cql.Cql2Text;
import cn.lzxq.city.server.catalog.LayerMeasurements;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.capabilities.CapabilitiesWriter;
import cn.lzxq.city.server.wms.capabilities.WmsVersion;
import cn.lzxq.city.server.wms.encode.ImageEncoder;
import cn.lzxq.city.server.wms.info.FeatureInfoSearch;
import cn.lzxq.city.server.wms.info.FeatureInfoWriter;
import cn.lzxq.city.server.wms.info.LayerHits;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.layer.WmsLayers;
import cn.lzxq.city.server.wms.legend.LegendRenderer;
import cn.lzxq.city.server.wms.render.CanvasPool;
import cn.lzxq.city.server.wms.render.LayerPlan;
import cn.lzxq.city.server.wms.render.MapPlan;
import cn.lzxq.city.server.wms.render.MapRenderer;
import cn.lzxq.city.server.wms.render.RasterPainter;
import cn.lzxq.city.server.wms.render.RenderDeadline;
import cn.lzxq.city.server.wms.render.RenderGate;
import cn.lzxq.city.server.wms.request.GetFeatureInfoRequest;
import cn.lzxq.city.server.wms.request.GetLegendGraphicRequest;
import cn.lzxq.city.server.wms.request.GetMapRequest;
import cn.lzxq.city.server.wms.request.ImageFormat;
import cn.lzxq.city.server.wms.sld.SldLayer;
import cn.lzxq.city.server.wms.sld.SldReader;
import cn.lzxq.city.server.wms.style.Style;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The WMS 1.3.0 (and 1.1.1) operations: one method per operation, each taking its parsed request.
 */
@Service
public class WmsService {

  private final WmsProperties properties;
  private final WmsCatalog catalog;
  private final MapRenderer renderer;
  private final FeatureInfoSearch infoSearch;
  private final RenderGate gate;
  private final CanvasPool canvases;
  private final Map<ImageFormat, ImageEncoder> encoders;
  private final int nativeSrid;
  private final RasterPainter rasters;

  WmsService(
      WmsProperties properties,
      FeatureSource features,
      RenderGate gate,
      CanvasPool canvases,
      Map<ImageFormat, ImageEncoder> encoders,
      LayerCatalog layers,
      LayerMeasurements measurements,
      List<RasterPainter> rasters) {
    this.properties = properties;
    this.rasters = RasterPainter.of(rasters);
    this.nativeSrid = features.sql().nativeSrid();
    this.catalog =
        new WmsCatalog(
            features.reads(), nativeSrid, properties.capabilitiesTtl(), layers, measurements);
    this.renderer = new MapRenderer(features.reads(), features.sql(), this.rasters);
    this.infoSearch = new FeatureInfoSearch(features);
    this.gate = gate;
    this.canvases = canvases;
    this.encoders = Map.copyOf(encoders);
  }

  /**
   * Reads the layer styles and extents in the background as soon as the context has started, beside
   * the start-up warm-up that holds readiness back (the first GetCapabilities need not wait).
   */
  @EventListener(ApplicationStartedEvent.class)
  void warmCatalog() {
    catalog.warm();
  }

  /** The SRID of the geometry columns. */
  public int nativeSrid() {
    return nativeSrid;
  }

  /** The settings and limits. */
  public WmsProperties properties() {
    return properties;
  }

  /** GetCapabilities: the document of {@code version} for the service at {@code endpoint}. */
  public String capabilities(String endpoint, WmsVersion version) {
    return new CapabilitiesWriter(
            catalog.layers(), catalog.extents(), nativeSrid, properties, endpoint, version)
        .write();
  }

  /** GetMap. */
  public EncodedImage map(GetMapRequest request) {
    List<LayerPlan> layers = plan(request);
    MapPlan plan =
        new MapPlan(
            layers,
            request.window(),
            request.asOf(),
            request.transparent(),
            request.background(),
            request.format().hasAlpha());
    int width = request.window().width();
    int height = request.window().height();
    try (RenderGate.Ticket ticket = gate.enter(width, height);
        CanvasPool.Canvas canvas =
            canvases.take(width, height, plan.transparentCanvas(), plan.canvasFill())) {
      renderer.render(plan, canvas.image(), new RenderDeadline(properties.maxRenderTime()));
      return encode(canvas.image(), request.format());
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /**
   * A metatile: renders {@code request}'s window once (a block of tiles grown by {@code gutter}
   * pixels on every side, so labels and symbols that cross a tile edge, or reach in from just
   * outside the block, are drawn whole) and encodes each {@code tileSize}-pixel tile of the inner
   * block, row by row from the top left.
   */
  public List<EncodedImage> mapTiles(GetMapRequest request, int gutter, int tileSize) {
    MapPlan plan =
        new MapPlan(
            plan(request),
            request.window(),
            request.asOf(),
            request.transparent(),
            request.background(),
            request.format().hasAlpha());
    int width = request.window().width();
    int height = request.window().height();
    int cols = (width - 2 * gutter) / tileSize;
    int rows = (height - 2 * gutter) / tileSize;
    try (RenderGate.Ticket ticket = gate.enter(width, height);
        CanvasPool.Canvas canvas =
            canvases.take(width, height, plan.transparentCanvas(), plan.canvasFill())) {
      renderer.render(plan, canvas.image(), new RenderDeadline(properties.maxRenderTime()));
      List<EncodedImage> tiles = new ArrayList<>(cols * rows);
      BufferedImage tile = new BufferedImage(tileSize, tileSize, canvas.image().getType());
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          tile.getRaster()
              .setRect(
                  -(gutter + c * tileSize), -(gutter + r * tileSize), canvas.image().getRaster());
          tiles.add(encode(tile, request.format()));
        }
      }
      return tiles;
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /** The named layers (catalog layers and pipe subtypes) with their styles. */
  public WmsLayers layers() {
    return catalog.layers();
  }

  /** GetFeatureInfo: the answer body in the requested format. */
  public String featureInfo(GetFeatureInfoRequest request) {
    WmsLayers tree = catalog.layers();
    List<LayerHits> hits = new ArrayList<>();
    try {
      for (int i = 0; i < request.queryLayers().size(); i++) {
        String name = request.queryLayers().get(i);
        WmsLayer layer = tree.require(name, "QUERY_LAYERS");
        if (!layer.queryable()) {
          throw new OwsException(
              WmsCodes.LAYER_NOT_QUERYABLE,
              "QUERY_LAYERS",
              "layer " + name + " is an image without values; it is not queryable");
        }
        if (!layer.source().isVector()) {
          hits.add(rasterHit(layer, request));
          continue;
        }
        int index = request.map().layers().indexOf(name);
        Filter filter =
            Filter.and(List.of(layer.filter(), cql(request.map(), index < 0 ? i : index)));
        hits.add(
            infoSearch.search(
                layer,
                filter,
                request.map().window(),
                request.map().asOf(),
                request.i(),
                request.j(),
                request.tolerancePx(),
                request.featureCount()));
      }
    } catch (SQLException e) {
      throw databaseError(e);
    } catch (QueryException e) {
      throw new OwsException(e.code(), e.locator(), e.getMessage());
    }
    return FeatureInfoWriter.write(request.infoFormat(), hits, request.map().window().crs());
  }

  /** The raster's cell under the clicked pixel as one feature without geometry (or none). */
  private LayerHits rasterHit(WmsLayer layer, GetFeatureInfoRequest request) throws SQLException {
    Map<String, Object> values =
        rasters.valueAt(layer.source(), request.map().window(), request.i(), request.j());
    List<Feature> found =
        values.isEmpty() ? List.of() : List.of(new Feature(0, null, null, values, null));
    return new LayerHits(layer, layer.source().attributes(), found);
  }

  /** GetLegendGraphic: a PNG. */
  public EncodedImage legend(GetLegendGraphicRequest request) {
    WmsLayer layer = catalog.layers().require(request.layer(), "LAYER");
    Style style =
        request.sldBody() == null
            ? layer.style(request.style())
            : sldStyles(request.sldBody()).stream()
                .filter(s -> s.layerName().equals(layer.name()))
                .findFirst()
                .map(s -> s.userStyle() != null ? s.userStyle() : layer.style(s.namedStyle()))
                .orElse(layer.style(request.style()));
    double factor = request.dpi() / (25.4 / 0.28);
    BufferedImage image =
        LegendRenderer.render(
            request.rule() == null ? layer.titleZh() : null,
            style,
            request.rule(),
            request.scale(),
            (int) Math.round(request.width() * factor),
            (int) Math.round(request.height() * factor),
            factor);
    return encode(image, ImageFormat.PNG);
  }

  /** The image an INIMAGE or BLANK exception answers with. */
  public EncodedImage exceptionImage(BufferedImage image, ImageFormat format) {
    return encode(image, format);
  }

  private List<LayerPlan> plan(GetMapRequest request) {
    WmsLayers tree = catalog.layers();
    List<SldLayer> sld = request.sldBody() == null ? List.of() : sldStyles(request.sldBody());
    List<String> names =
        request.layers().isEmpty()
            ? sld.stream().map(SldLayer::layerName).toList()
            : request.layers();
    if (names.size() > properties.maxLayers()) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "LAYERS",
          "at most " + properties.maxLayers() + " layers");
    }
    List<LayerPlan> plans = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      WmsLayer layer = tree.require(names.get(i), "LAYERS");
      String name = names.get(i);
      Optional<SldLayer> fromSld = sld.stream().filter(s -> s.layerName().equals(name)).findFirst();
      Style style =
          fromSld
              .map(s -> s.userStyle() != null ? s.userStyle() : layer.style(s.namedStyle()))
              .orElseGet(() -> layer.style(request.styleOf(plans.size())));
      plans.add(
          new LayerPlan(
              layer.source(), Filter.and(List.of(layer.filter(), cql(request, i))), style));
    }
    return plans;
  }

  private static List<SldLayer> sldStyles(String sld) {
    return SldReader.read(sld);
  }

  private static Filter cql(GetMapRequest request, int layerIndex) {
    Optional<String> text = request.cqlOf(layerIndex);
    if (text.isEmpty()) {
      return Filter.all();
    }
    try {
      return Cql2Text.parse(text.get());
    } catch (QueryException e) {
      throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "CQL_FILTER", e.getMessage());
    }
  }

  private EncodedImage encode(BufferedImage image, ImageFormat format) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4 + 1024);
    try {
      encoders.get(format).write(image, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EncodedImage(out.toByteArray(), format.mimeType());
  }

  /**
   * A timeout is the render time limit ({@link RenderDeadline#exceeded}, 400); anything else is
   * judged by {@link OwsException#of} (unreachable database 503, else 500).
   */
  private RuntimeException databaseError(SQLException e) {
    if (ReadExecutor.timedOut(e)) {
      return RenderDeadline.exceeded(properties.maxRenderTime());
    }
    return new IllegalStateException("WMS query failed", e);
  }
}
