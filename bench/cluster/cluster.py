#!/usr/bin/env python3
"""Probes of the two-node cluster started by scripts/cluster (standard library only).

  cluster.py ryw        an edit through node 1 read back through node 2, N times; counts the
                        reads node 2 ran on the standby (STANDBY_READS=1: at least one required)
  cluster.py tile-fresh an edit through node 1 changes the feature's 3D tile on node 2: seconds
                        until node 2 serves the new tile (target: within the change poll, 200 ms,
                        plus one render)
  cluster.py kill-node  readers through the proxy while one server node is killed with SIGKILL
  cluster.py failover   editors and readers through the proxy while the primary database stops;
                        prints the failover time and proves every acknowledged edit is on the new
                        primary
  cluster.py mixed      requests/s of a mixed read load against one URL (1 vs 2 nodes)

Environment: NODE1, NODE2, PROXY (base URLs), AUTH (user:password of an admin or editor),
DATABASE_URL (the cluster's multi-host URL, for the edit audit), and per command the knobs below.
Each command prints one JSON line of figures and exits 1 when its check fails.
"""
import base64
import hashlib
import json
import math
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

NODE1 = os.environ.get("NODE1", "http://127.0.0.1:8301")
NODE2 = os.environ.get("NODE2", "http://127.0.0.1:8302")
PROXY = os.environ.get("PROXY", "http://127.0.0.1:8300")
AUTH = "Basic " + base64.b64encode(os.environ.get("AUTH", "bench:bench").encode()).decode()
LAYER = "pipe_js"


def request(method, url, body=None, headers=None, timeout=15):
    """(status, headers, body bytes); status 0 when no HTTP answer came."""
    h = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/merge-patch+json")
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
    except Exception:  # refused, reset, timed out: no HTTP answer
        return 0, {}, b""


def fids(base, n):
    status, _, body = request("GET", f"{base}/ogcapi/collections/{LAYER}/items?limit={n}")
    assert status == 200, f"items: {status}"
    return [f["id"] for f in json.loads(body)["features"]]


def patch_dn(base, fid, dn):
    return request(
        "PATCH",
        f"{base}/ogcapi/collections/{LAYER}/items/{fid}",
        {"type": "Feature", "properties": {"dn_mm": dn}},
        {"Authorization": AUTH},
    )[0]


def read_dn(base, fid):
    status, _, body = request("GET", f"{base}/ogcapi/collections/{LAYER}/items/{fid}")
    return json.loads(body)["properties"]["dn_mm"] if status == 200 else None


def standby_reads(base):
    """The read transactions a node ran on the standby so far (its Prometheus counter)."""
    status, _, body = request("GET", f"{base}/actuator/prometheus", headers={"Authorization": AUTH})
    assert status == 200, f"prometheus: {status}"
    for line in body.decode().splitlines():
        if line.startswith("city_db_reads_total") and 'target="standby"' in line:
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def ryw(n=int(os.environ.get("ROUNDS", "100"))):
    fid = fids(NODE1, 1)[0]
    seen = 0
    before = standby_reads(NODE2)
    for i in range(n):
        dn = 100 + (i % 50) * 10
        assert patch_dn(NODE1, fid, dn) in (200, 204), "edit refused"
        if read_dn(NODE2, fid) == dn:
            seen += 1
    on_standby = standby_reads(NODE2) - before
    print(json.dumps({"check": "read-your-writes", "rounds": n, "seen_on_other_node": seen,
                      "node2_reads_on_standby": on_standby}))
    return seen == n and (on_standby > 0 or os.environ.get("STANDBY_READS", "1") != "1")


def tile_urls(base, lon, lat):
    """The URLs of the tiles of every level whose square holds (lon, lat), both y conventions."""
    status, _, body = request("GET", f"{base}/3dtiles/{LAYER}/tileset.json")
    assert status == 200, f"tileset: {status}"
    root = json.loads(body)["root"]
    w, s, e, n = (math.degrees(v) for v in root["boundingVolume"]["region"][:4])
    uri = root["content"]["uri"]
    urls = set()
    for level in range(root["implicitTiling"]["availableLevels"]):
        k = 2 ** level
        x = min(k - 1, int((lon - w) / (e - w) * k))
        y = min(k - 1, int((lat - s) / (n - s) * k))
        for yy in {y, k - 1 - y}:
            path = uri.replace("{level}", str(level)).replace("{x}", str(x)).replace("{y}", str(yy))
            urls.add(f"{base}/3dtiles/{LAYER}/{path}")
    return sorted(urls)


def tile_hashes(urls):
    return {u: hashlib.sha256(request("GET", u)[2]).hexdigest() for u in urls}


def tile_fresh():
    fid = fids(NODE1, 1)[0]
    status, _, body = request("GET", f"{NODE1}/ogcapi/collections/{LAYER}/items/{fid}")
    coords = json.loads(body)["geometry"]["coordinates"]
    lon = sum(c[0] for c in coords) / len(coords)
    lat = sum(c[1] for c in coords) / len(coords)
    urls = tile_urls(NODE2, lon, lat)
    before = tile_hashes(urls)
    dn = read_dn(NODE1, fid)
    assert patch_dn(NODE1, fid, 2000 if dn != 2000 else 1800) in (200, 204), "edit refused"
    start = time.time()
    while time.time() - start < 30:
        if tile_hashes(urls) != before:
            seconds = round(time.time() - start, 3)
            print(json.dumps({"check": "tile-fresh-on-other-node", "seconds": seconds,
                              "tiles_watched": len(urls)}))
            return seconds <= 1.0
        time.sleep(0.05)
    print(json.dumps({"check": "tile-fresh-on-other-node", "seconds": None}))
    return False


class Readers:
    """Threads reading through one URL; records (time, status) of every answer."""

    def __init__(self, base, threads):
        self.base, self.threads, self.log, self.stop = base, threads, [], False
        self.lock = threading.Lock()

    def _paths(self):
        x, y = 103.70 + random.random() * 0.02, 36.50 + random.random() * 0.02
        bbox = f"{x},{y},{x + 0.003},{y + 0.003}"
        return random.choice(
            [
                f"/ogcapi/collections/{LAYER}/items?bbox={bbox}&limit=50",
                f"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES={LAYER}&COUNT=50"
                f"&BBOX={y},{x},{y + 0.003},{x + 0.003},urn:ogc:def:crs:EPSG::4490"
                "&OUTPUTFORMAT=application/json",
                f"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={LAYER}&STYLES=&CRS=CRS:84"
                f"&BBOX={bbox}&WIDTH=256&HEIGHT=256&FORMAT=image/png",
                "/api/layers",
            ]
        )

    def _run(self):
        while not self.stop:
            status = request("GET", self.base + self._paths(), timeout=20)[0]
            with self.lock:
                self.log.append((time.time(), status))

    def __enter__(self):
        self.workers = [threading.Thread(target=self._run, daemon=True) for _ in range(self.threads)]
        for w in self.workers:
            w.start()
        return self

    def __exit__(self, *exc):
        self.stop = True
        for w in self.workers:
            w.join(30)


def kill_node():
    """SIGKILL server node 2 while readers go through the proxy."""
    pidfile = os.environ["NODE2_PIDFILE"]
    with Readers(PROXY, int(os.environ.get("READERS", "8"))) as r:
        time.sleep(5)
        killed = time.time()
        os.kill(int(open(pidfile).read()), 9)
        time.sleep(float(os.environ.get("AFTER", "20")))
    failed_after = [t - killed for t, s in r.log if s != 200 and t > killed]
    late = [d for d in failed_after if d > 5]
    print(json.dumps({"check": "kill -9 one node", "requests": len(r.log),
                      "failed": len(failed_after), "failed_later_than_5s": len(late),
                      "last_failure_s_after_kill": round(max(failed_after), 2) if failed_after else None}))
    return not late


def failover():
    """Editors (one feature each) and readers through the proxy; the primary is stopped mid-run."""
    editors = int(os.environ.get("EDITORS", "4"))
    features = fids(PROXY, editors)
    acked = {f: None for f in features}
    tried = {f: [] for f in features}
    stop = [False]
    edit_log = []

    def edit(fid):
        dn = 1000
        while not stop[0]:
            dn += 1
            tried[fid].append(dn)
            status = patch_dn(PROXY, fid, dn)
            edit_log.append((time.time(), status))
            if status in (200, 204):
                acked[fid] = dn
            time.sleep(0.05)

    threads = [threading.Thread(target=edit, args=(f,), daemon=True) for f in features]
    with Readers(PROXY, int(os.environ.get("READERS", "4"))) as r:
        for t in threads:
            t.start()
        time.sleep(10)
        stopped = time.time()
        subprocess.run(os.environ["STOP_PRIMARY"], shell=True, check=True)
        deadline = stopped + float(os.environ.get("FAILOVER_LIMIT", "180"))
        recovered = None
        while time.time() < deadline and recovered is None:
            time.sleep(0.5)
            ok = [t for t, s in edit_log if t > stopped + 1 and s in (200, 204)]
            recovered = min(ok) if ok else None
        time.sleep(10)
        stop[0] = True
        for t in threads:
            t.join(30)
    statuses = {}
    for t, s in r.log + edit_log:
        if t > stopped and (recovered is None or t < recovered):
            statuses[str(s)] = statuses.get(str(s), 0) + 1
    lost = []
    for fid in features:
        now = read_dn(PROXY, fid)
        # an acknowledged edit is lost when the value is neither it nor a later attempt
        later = [d for d in tried[fid] if acked[fid] is not None and d >= acked[fid]]
        if acked[fid] is not None and now not in later:
            lost.append({"fid": fid, "acked": acked[fid], "now": now})
    figures = {"check": "primary stopped", "failover_s": round(recovered - stopped, 1) if recovered else None,
               "answers_during_failover": statuses, "acknowledged_edits": sum(
                   1 for _, s in edit_log if s in (200, 204)), "lost_edits": len(lost), "lost": lost,
               "errors_after_recovery": sum(1 for t, s in r.log + edit_log
                                            if recovered and t > recovered + 5 and s not in (200, 204))}
    print(json.dumps(figures))
    return recovered is not None and not lost and figures["errors_after_recovery"] == 0 \
        and not set(statuses) - {"200", "204", "503"}


def mixed():
    """Requests/s of the mixed read load against BASE for SECONDS."""
    base = os.environ.get("BASE", PROXY)
    seconds = float(os.environ.get("SECONDS", "30"))
    with Readers(base, int(os.environ.get("READERS", "16"))) as r:
        time.sleep(seconds)
    ok = sum(1 for _, s in r.log if s == 200)
    print(json.dumps({"check": "mixed reads", "base": base, "requests_per_s": round(ok / seconds, 1),
                      "errors": len(r.log) - ok}))
    return ok > 0 and len(r.log) == ok


if __name__ == "__main__":
    commands = {"ryw": ryw, "tile-fresh": tile_fresh, "kill-node": kill_node, "failover": failover, "mixed": mixed}
    sys.exit(0 if commands[sys.argv[1]]() else 1)
