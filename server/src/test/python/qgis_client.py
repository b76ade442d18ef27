#!/usr/bin/python3
"""QGIS 3.22 (Debian qgis + python3-qgis) as a real client of a running server, headless.

    qgis_client.py BASE_URL LAYER FID USER PASSWORD OUT_PNG

Loads LAYER as a WMS, a WMTS (WebMercatorQuad), a WFS 2.0 and an OGC API Features (OAPIF) layer,
counts the WFS and OAPIF features against /api/layers, renders the WMS and WFS layers to OUT_PNG
and the WMTS layer on its own (neither may be blank),
then, as USER, changes dn_mm of feature FID through the WFS layer's editing buffer (QGIS sends
a WFS-T Transaction) and reads the new value back through OGC API Features. Prints one
"ok ..." line per case; exits non-zero on the first failure.
"""
import json
import sys
import urllib.request
import xml.etree.ElementTree as ET

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsFeatureRequest,
                       QgsMapRendererSequentialJob, QgsMapSettings, QgsRasterLayer, QgsRectangle, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

BASE, LAYER, FID, USER, PASSWORD, OUT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]


def ok(message):
    print("ok " + message, flush=True)


def get_json(path):
    with urllib.request.urlopen(BASE + path, timeout=60) as r:
        return json.load(r)


def catalog_count(layer):
    layers = get_json("/api/layers")
    layers = layers.get("layers", layers) if isinstance(layers, dict) else layers
    return int(next(l for l in layers if l.get("name", l.get("id")) == layer)["count"])


def count(layer):
    return sum(1 for _ in layer.getFeatures())


QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
expected = catalog_count(LAYER)
assert expected > 0

wms = QgsRasterLayer("contextualWMSLegend=0&crs=EPSG:4490&dpiMode=7&format=image/png&layers=%s&styles=&url=%s/wms"
                     % (LAYER, BASE), "wms", "wms")
assert wms.isValid(), wms.error().summary()
ok("WMS layer valid, extent %s" % wms.extent().toString())

# WMTS: the layer's default style from the capabilities, WebMercatorQuad, rendered on its own below.
caps = urllib.request.urlopen(BASE + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", timeout=60).read()
ns = {"w": "http://www.opengis.net/wmts/1.0", "ows": "http://www.opengis.net/ows/1.1"}
wmts_layer = [l for l in ET.fromstring(caps).iterfind("w:Contents/w:Layer", ns)
              if l.findtext("ows:Identifier", namespaces=ns) == LAYER][0]
wmts_style = wmts_layer.find("w:Style/ows:Identifier", ns).text
wmts = QgsRasterLayer("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/png&layers=%s&styles=%s"
                      "&tileMatrixSet=WebMercatorQuad&url=%s/wmts?SERVICE%%3DWMTS%%26REQUEST%%3DGetCapabilities"
                      % (LAYER, wmts_style, BASE), "wmts", "wms")
assert wmts.isValid(), wmts.error().summary()
ok("WMTS layer valid (style %s), extent %s" % (wmts_style, wmts.extent().toString()))

wfs_uri = QgsDataSourceUri()
wfs_uri.setParam("url", BASE + "/wfs")
wfs_uri.setParam("typename", "city:" + LAYER)
wfs_uri.setParam("version", "2.0.0")
wfs_uri.setParam("srsname", "EPSG:4544")
wfs_uri.setParam("restrictToRequestBBOX", "0")
wfs_uri.setUsername(USER)
wfs_uri.setPassword(PASSWORD)
wfs = QgsVectorLayer(wfs_uri.uri(False), "wfs", "WFS")
assert wfs.isValid(), wfs.error().summary()
# the GML 3.2 schema's line declaration must give QGIS a line layer with its CRS and an extent
assert wfs.isSpatial(), "WFS 2.0 layer without geometry"
assert QgsWkbTypes.geometryType(wfs.wkbType()) == QgsWkbTypes.LineGeometry, QgsWkbTypes.displayString(wfs.wkbType())
assert wfs.crs().authid() == "EPSG:4544", wfs.crs().authid()
ok("WFS 2.0 layer: %s in %s" % (QgsWkbTypes.displayString(wfs.wkbType()), wfs.crs().authid()))
n = count(wfs)
assert n == expected, (n, expected)
assert not wfs.extent().isEmpty(), "WFS 2.0 layer with an empty extent"
ok("WFS 2.0 layer: %d features = /api/layers count" % n)

oapif_uri = QgsDataSourceUri()
oapif_uri.setParam("url", BASE + "/ogcapi")
oapif_uri.setParam("typename", LAYER)
oapif = QgsVectorLayer(oapif_uri.uri(False), "oapif", "OAPIF")
assert oapif.isValid(), oapif.error().summary()
n = count(oapif)
assert n == expected, (n, expected)
ok("OAPIF layer: %d features = /api/layers count" % n)

settings = QgsMapSettings()
settings.setLayers([wfs, wms])
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4544"))
extent = QgsRectangle(wfs.extent())
extent.grow(max(extent.width(), extent.height()) * 0.05 + 1)
settings.setExtent(extent)
settings.setOutputSize(QSize(512, 512))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
assert image.save(OUT, "PNG"), OUT
white = QColor(255, 255, 255).rgb()
painted = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2) if image.pixel(x, y) != white)
assert painted > 0, "blank map"
for e in job.errors():
    raise AssertionError("render error in %s: %s" % (e.layerID, e.message))
ok("map rendered to %s: %d of %d sampled pixels painted" % (OUT, painted, (image.width() // 2) * (image.height() // 2)))

wmts_settings = QgsMapSettings()
wmts_settings.setLayers([wmts])
wmts_settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4544"))
wmts_settings.setExtent(extent)
wmts_settings.setOutputSize(QSize(512, 512))
wmts_settings.setBackgroundColor(QColor(255, 255, 255))
wmts_job = QgsMapRendererSequentialJob(wmts_settings)
wmts_job.start()
wmts_job.waitForFinished()
wmts_image = wmts_job.renderedImage()
wmts_painted = sum(1 for x in range(0, wmts_image.width(), 2) for y in range(0, wmts_image.height(), 2)
                   if wmts_image.pixel(x, y) != white)
assert wmts_painted > 0, "blank WMTS map"
for e in wmts_job.errors():
    raise AssertionError("WMTS render error in %s: %s" % (e.layerID, e.message))
ok("WMTS map rendered: %d of %d sampled pixels painted" % (wmts_painted, (wmts_image.width() // 2) * (wmts_image.height() // 2)))

# WFS-T: change dn_mm of one feature as the editor, then read it back through OGC API Features.
# QGIS keeps the gml:id out of the attributes; the feature is found by its pipe points, read through OGC API.
ends = get_json("/ogcapi/collections/%s/items/%s" % (LAYER, FID))["properties"]
expression = "\"start_point\" = '%s' AND \"end_point\" = '%s'" % (ends["start_point"], ends["end_point"])
matches = list(wfs.getFeatures(QgsFeatureRequest().setFilterExpression(expression)))
assert len(matches) == 1, (expression, len(matches))
feature = matches[0]
old = feature["dn_mm"]
new = (int(old) if old else 100) + 37
assert wfs.startEditing()
assert wfs.changeAttributeValue(feature.id(), wfs.fields().indexOf("dn_mm"), new)
if not wfs.commitChanges():
    raise AssertionError("WFS-T commit failed: %s" % wfs.commitErrors())
ok("WFS-T commit as %s: dn_mm %s -> %s" % (USER, old, new))
item = get_json("/ogcapi/collections/%s/items/%s" % (LAYER, FID))
assert int(item["properties"]["dn_mm"]) == new, item["properties"]
ok("OGC API reads dn_mm = %s back" % item["properties"]["dn_mm"])
# Layers and the render job must go before exitQgis(), or QGIS 3.22 crashes on its way out.
del feature, matches, job, settings, wmts_job, wmts_settings, wms, wmts, wfs, oapif
app.exitQgis()
