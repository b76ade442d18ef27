#!/usr/bin/env python3
"""Probes of a rolling upgrade (bench/cluster/rolling-upgrade.sh): an old and a new node on one
database. Each protocol is read through both nodes, and edits cross over between them.

Environment: OLD, NEW (base URLs), AUTH (user:password of an admin). One JSON line per probe; exit
status 1 when any probe fails.
"""
import base64
import json
import os
import sys
import urllib.error
import urllib.request

OLD = os.environ["OLD"]
NEW = os.environ["NEW"]
AUTH = "Basic " + base64.b64encode(os.environ["AUTH"].encode()).decode()
LAYER = "pipe_js"


def request(method, url, body=None):
    headers = {"Authorization": AUTH}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/merge-patch+json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


READS = {
    "wms_getmap": "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js,pipe_ps"
    "&STYLES=&CRS=EPSG:4490&BBOX=36.50,103.60,36.70,103.80&WIDTH=256&HEIGHT=256&FORMAT=image/png",
    "wfs_getfeature": f"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=city:{LAYER}"
    "&COUNT=5&OUTPUTFORMAT=application/json",
    "ogcapi_items": f"/ogcapi/collections/{LAYER}/items?limit=5",
    "tileset": f"/3dtiles/{LAYER}/tileset.json",
}


def read_probes():
    ok = True
    for name, path in READS.items():
        for node, base in (("old", OLD), ("new", NEW)):
            status, ctype, body = request("GET", base + path)
            good = status == 200 and len(body) > 0 and (name != "wms_getmap" or ctype.startswith("image/png"))
            print(json.dumps({"probe": name, "node": node, "status": status, "bytes": len(body)}))
            ok &= good
    return ok


def dn_of(base, fid):
    status, _, body = request("GET", f"{base}/ogcapi/collections/{LAYER}/items/{fid}")
    return json.loads(body)["properties"]["dn_mm"] if status == 200 else None


def crossing_edits():
    status, _, body = request("GET", f"{OLD}/ogcapi/collections/{LAYER}/items?limit=1")
    fid = json.loads(body)["features"][0]["id"]
    ok = True
    for writer, reader, dn in (("old", "new", 630), ("new", "old", 640)):
        wbase, rbase = (OLD, NEW) if writer == "old" else (NEW, OLD)
        patched = request(
            "PATCH", f"{wbase}/ogcapi/collections/{LAYER}/items/{fid}",
            {"type": "Feature", "properties": {"dn_mm": dn}})[0]
        seen = dn_of(rbase, fid)
        print(json.dumps({"probe": "edit", "through": writer, "read_through": reader,
                          "status": patched, "seen": seen == dn}))
        ok &= patched in (200, 204) and seen == dn
    return ok


if __name__ == "__main__":
    results = [read_probes(), crossing_edits()]
    sys.exit(0 if all(results) else 1)
