#!/usr/bin/python3
"""OWSLib (Debian python3-owslib 0.27) as a real client of a running server.

    owslib_client.py BASE_URL LAYER FID

LAYER is a line layer with features (e.g. pipe_js), FID one of its feature ids. Every case is
checked here against the layer's count in /api/layers; the script prints one "ok ..." line per
case and exits non-zero on the first failure.
"""
import io
import json
import sys
import urllib.request
import xml.etree.ElementTree as ET

from owslib.ogcapi.features import Features
from owslib.util import ServiceException
from owslib.wfs import WebFeatureService
from owslib.wms import WebMapService
from PIL import Image

BASE, LAYER, FID = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
TYPENAME = "city:" + LAYER


def ok(message):
    print("ok " + message, flush=True)


def catalog_count(layer):
    with urllib.request.urlopen(BASE + "/api/layers", timeout=60) as r:
        layers = json.load(r)
    layers = layers.get("layers", layers) if isinstance(layers, dict) else layers
    entry = next(l for l in layers if l.get("name", l.get("id")) == layer)
    return int(entry["count"])


def gml_members(body):
    root = ET.fromstring(body)
    return [e for e in root.iter() if e.tag.endswith("}" + LAYER)]


def painted(png):
    """Pixels that are neither fully transparent nor the white background."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    return sum(1 for r, g, b, a in image.getdata() if a > 0 and (r, g, b) != (255, 255, 255))


EXPECTED = catalog_count(LAYER)
assert EXPECTED > 0, "layer %s has no features in /api/layers" % LAYER

# WMS 1.1.1 and 1.3.0: capabilities, GetMap (the same window, each in its version's axis order), GetFeatureInfo.
images = {}
for version in ("1.1.1", "1.3.0"):
    wms = WebMapService(BASE + "/wms", version=version, timeout=60)
    assert wms.identification.version == version, wms.identification.version
    assert LAYER in wms.contents, sorted(wms.contents)
    layer = wms[LAYER]
    assert "EPSG:4490" in layer.crsOptions, layer.crsOptions
    west, south, east, north = layer.boundingBoxWGS84
    assert 103.4 < west < east < 104.0 and 36.2 < south < north < 36.8, layer.boundingBoxWGS84
    ok("WMS %s capabilities: %d layers, %s bbox %s" % (version, len(wms.contents), LAYER, layer.boundingBoxWGS84))
    # OWSLib takes the box x/y and swaps it for 1.3.0 EPSG:4490 (latitude first) itself.
    bbox = (west, south, east, north)
    size = (256, 256)
    image = wms.getmap(layers=[LAYER], styles=[""], srs="EPSG:4490", bbox=bbox, size=size, format="image/png",
                       transparent=True).read()
    assert image[:8] == b"\x89PNG\r\n\x1a\n", image[:200]
    images[version] = Image.open(io.BytesIO(image)).convert("RGBA")
    pixels = painted(image)
    assert pixels > 0, "blank map"
    ok("WMS %s GetMap EPSG:4490: %d painted pixels" % (version, pixels))
    # GetFeatureInfo on a painted pixel (X/Y in 1.1.1, I/J in 1.3.0).
    rgba = images[version]
    x, y = next((i % size[0], i // size[0]) for i, p in enumerate(rgba.getdata()) if p[3] > 0)
    info = wms.getfeatureinfo(layers=[LAYER], srs="EPSG:4490", bbox=bbox, size=size, format="image/png",
                              query_layers=[LAYER], info_format="application/json", xy=(x, y), feature_count=5).read()
    features = json.loads(info)["features"]
    assert len(features) >= 1, info[:500]
    ok("WMS %s GetFeatureInfo at (%d,%d): %d features" % (version, x, y, len(features)))
assert images["1.1.1"].tobytes() == images["1.3.0"].tobytes(), "1.1.1 and 1.3.0 maps of one window differ (axis order)"
ok("WMS 1.1.1 and 1.3.0 maps of the same window are identical")

# A WMS error in each version's own form, as OWSLib reports it (it raises ServiceException with the body).
for version, form, code in (("1.1.1", 'ServiceExceptionReport version="1.1.1"', 'code="InvalidSRS"'),
                            ("1.3.0", 'ServiceExceptionReport version="1.3.0"', 'code="InvalidCRS"')):
    wms = WebMapService(BASE + "/wms", version=version, timeout=60)
    try:
        wms.getmap(layers=[LAYER], styles=[""], srs="EPSG:2000", bbox=(103.7, 36.5, 103.71, 36.51),
                   size=(64, 64), format="image/png")
        raise AssertionError("WMS %s GetMap in an unknown CRS answered an image" % version)
    except ServiceException as e:
        text = str(e)
        assert form in text and code in text, text[:500]
        ok("WMS %s error: %s %s" % (version, form, code))

# WFS 1.0.0, 1.1.0 and 2.0.0: capabilities, GetFeature of the whole layer and of one id.
for version in ("1.0.0", "1.1.0", "2.0.0"):
    wfs = WebFeatureService(BASE + "/wfs", version=version, timeout=60)
    assert wfs.identification.version == version, wfs.identification.version
    assert TYPENAME in wfs.contents, sorted(wfs.contents)
    assert len(wfs.contents) >= 12, len(wfs.contents)
    names = [op.name for op in wfs.operations]
    for op in ("GetCapabilities", "DescribeFeatureType", "GetFeature", "Transaction"):
        assert op in names, (version, names)
    # OWSLib's WFS 1.0.0 reader "transforms" LatLongBoundingBox from the type's SRS to WGS 84 although
    # WFS 1.0.0 defines it in WGS 84 already; the box as written is its boundingBox.
    box = wfs[TYPENAME].boundingBox if version == "1.0.0" else wfs[TYPENAME].boundingBoxWGS84
    west, south, east, north = box[:4]
    assert 103.4 < west < east < 104.0 and 36.2 < south < north < 36.8, box
    ok("WFS %s capabilities: %d feature types, operations %s" % (version, len(wfs.contents), names))
    count = EXPECTED + 100
    args = {"maxfeatures": count}
    body = wfs.getfeature(typename=[TYPENAME], **args).read()
    members = gml_members(body)
    assert len(members) == EXPECTED, (version, len(members), EXPECTED, body[:500])
    ok("WFS %s GetFeature: %d features = /api/layers count" % (version, len(members)))
    one = wfs.getfeature(typename=[TYPENAME], featureid=["%s.%s" % (LAYER, FID)]).read()
    assert len(gml_members(one)) == 1, one[:500]
    ok("WFS %s GetFeature FEATUREID=%s.%s: 1 feature" % (version, LAYER, FID))
    if version == "2.0.0":
        queries = [q.id for q in wfs.storedqueries]
        assert "urn:ogc:def:query:OGC-WFS::GetFeatureById" in queries, queries
        byid = wfs.getfeature(storedQueryID="urn:ogc:def:query:OGC-WFS::GetFeatureById",
                              storedQueryParams={"ID": "%s.%s" % (LAYER, FID)}).read()
        root = ET.fromstring(byid)
        assert root.tag.endswith("}" + LAYER), byid[:500]
        ok("WFS 2.0.0 stored queries %s; GetFeatureById answers the bare feature" % queries)

# OGC API Features.
api = Features(BASE + "/ogcapi/", timeout=60)
collections = [c["id"] for c in api.collections()["collections"]]
assert LAYER in collections, collections
items = api.collection_items(LAYER, limit=EXPECTED + 100)
assert len(items["features"]) == EXPECTED, (len(items["features"]), EXPECTED)
assert items.get("numberMatched", EXPECTED) == EXPECTED, items.get("numberMatched")
item = api.collection_item(LAYER, FID)
assert str(item["id"]).endswith(str(FID)), item.get("id")
ok("OGC API Features: %d collections, %d items of %s, item %s" % (len(collections), len(items["features"]), LAYER, FID))
