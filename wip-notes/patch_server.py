import re
root='/work/wt/real17/server/src/main/java/cn/lzxq/city/server/wms/'
def sub(p, a, b, count=1):
    s=open(root+p).read()
    assert a in s, (p, a[:60])
    s=s.replace(a,b,count)
    open(root+p,'w').write(s)

sub('layer/WmsLayers.java','''    for (Layer layer : catalog.vectors()) {
      List<Style> styles = named.of(layer);''','''    for (Layer layer : catalog.all()) {
      List<Style> styles = layer.isVector() ? named.of(layer) : List.of(RASTER_STYLE);''')
sub('layer/WmsLayers.java','''  private final List<WmsLayer> topLevel;''','''  /** The one style of a raster layer: the image as imported. */
  static final Style RASTER_STYLE = Style.of("default", "影像", "the image as imported", List.of());

  private final List<WmsLayer> topLevel;''')
sub('layer/WmsLayers.java',''' * The WMS layer tree: every catalog layer in catalog order; each pipe network has one sublayer per
 * CJJ 61 subtype ({@code pipe_js_jp} = water, distribution).''',''' * The WMS layer tree: every catalog layer in catalog order (raster layers such as the orthophoto
 * with one style, the image); each pipe network has one sublayer per CJJ 61 subtype ({@code
 * pipe_js_jp} = water, distribution).''')
sub('layer/LayerExtents.java','''      for (Layer layer : catalog.vectors()) {''','''      for (Layer layer : catalog.all()) {''')
for w in ['capabilities/CapabilitiesWriter.java','capabilities/Capabilities111Writer.java']:
    sub(w,'''x.writeAttribute("queryable", "1");''','''x.writeAttribute("queryable", l.source().isVector() ? "1" : "0");''')
sub('WmsService.java','''        WmsLayer layer = tree.require(name, "QUERY_LAYERS");
''','''        WmsLayer layer = tree.require(name, "QUERY_LAYERS");
        if (!layer.source().isVector()) {
          throw new OwsException(
              WmsCodes.LAYER_NOT_QUERYABLE, "QUERY_LAYERS", "layer " + name + " is an image");
        }
''')
sub('render/MapRenderer.java','''      ScreenMapping toScreen = fitted != null ? fitted : ScreenMapping.affine(w.toScreen());
      for (List<PassGroup> read : MapReads.of(plan.layers(), w.scaleDenominator())) {
        List<SymbolPainter> painters =
            read.size() == 1
                ? List.of(painter)
                : read.stream().map(x -> SymbolPainter.deferred(g, w.symbolScale())).toList();
        drawRead(tx, read, painters, plan, toScreen, fitted != null, labels, deadline);
      }
    }''','''      ScreenMapping toScreen = fitted != null ? fitted : ScreenMapping.affine(w.toScreen());
      ScreenMapping nativeToScreen = w.crs().srid() == sql.nativeSrid() ? toScreen : fitted;
      List<LayerPlan> vectors = new ArrayList<>();
      for (LayerPlan l : plan.layers()) {
        if (l.layer().isVector()) {
          vectors.add(l);
          continue;
        }
        drawVectors(tx, vectors, g, painter, plan, toScreen, fitted != null, labels, deadline);
        vectors.clear();
        OrthoPainter.draw(g, c, w, sql.nativeSrid(), nativeToScreen, deadline);
      }
      drawVectors(tx, vectors, g, painter, plan, toScreen, fitted != null, labels, deadline);
    }''')
sub('render/MapRenderer.java','''  /**
   * Draws the groups of one read from one query,''','''  /** Draws consecutive vector layers, in as few reads as {@link MapReads} groups them. */
  private void drawVectors(
      ReadTransaction tx,
      List<LayerPlan> vectors,
      Graphics2D g,
      SymbolPainter painter,
      MapPlan plan,
      ScreenMapping toScreen,
      boolean nativeOut,
      LabelPlacer labels,
      RenderDeadline deadline)
      throws SQLException {
    MapWindow w = plan.window();
    for (List<PassGroup> read : MapReads.of(vectors, w.scaleDenominator())) {
      List<SymbolPainter> painters =
          read.size() == 1
              ? List.of(painter)
              : read.stream().map(x -> SymbolPainter.deferred(g, w.symbolScale())).toList();
      drawRead(tx, read, painters, plan, toScreen, nativeOut, labels, deadline);
    }
  }

  /**
   * Draws the groups of one read from one query,''')
