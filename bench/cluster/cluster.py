#!/usr/bin/env python3
"""Probes of the two-node cluster started by scripts/cluster (standard library only).

  cluster.py ryw        an edit through WRITER read back through READER (default node 1, node 2),
                        ROUNDS times; counts the reads READER ran on the standby (STANDBY_READS=1:
                        at least one required)
  cluster.py tile-fresh an edit through WRITER changes the feature's 3D tiles on both nodes:
                        seconds until both serve the new tiles (target: within the change poll,
                        200 ms, plus one render)
  cluster.py kill-node  readers through the proxy while one server node is killed with SIGKILL
  cluster.py failover   editors and readers through the proxy while STOP_PRIMARY kills the primary
                        database; prints the promotion and recovery times and the answers
                        meanwhile, and proves every acknowledged edit is in the new primary's
                        version history
  cluster.py rejoin     restarts database server REJOIN (the killed old primary) and waits until it
                        is the synchronous standby; polls it every 0.2 s meanwhile and fails if it
                        ever accepted writes (a second primary)
  cluster.py mixed      requests/s of a mixed read load through the proxy with node 2 taken out
                        (1 node) and with both nodes, alternating, after a warm-up

Environment: NODE1, NODE2, PROXY (base URLs), AUTH (user:password of an admin or editor),
PSQL_URL (a libpq URL of the cluster's primary, for the edit audit), CLUSTER (the
scripts/cluster command), and per command the knobs below. Each command prints one JSON line of
figures (with the load average) and exits 1 when its check fails.
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
NODES = {"node1": NODE1, "node2": NODE2}
AUTH = "Basic " + base64.b64encode(os.environ.get("AUTH", "bench:bench").encode()).decode()
CLUSTER = os.environ.get("CLUSTER", "scripts/cluster")
LAYER = "pipe_js"


def report(figures):
    figures["load"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps(figures), flush=True)


def request(method, url, body=None, headers=None, timeout=15):
    """(status, headers, body bytes); status 0 when no HTTP answer came. Header names are
    lower-cased: HAProxy forwards them so (HTTP/1.1 names are case-insensitive)."""
    h = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/merge-patch+json")
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()
    except Exception:  # refused, reset, timed out: no HTTP answer
        return 0, {}, b""


def protocol(path):
    """The protocol a request path speaks: wms, wfs (OGC ExceptionReport) or rest (problem+json)."""
    for p in ("wms", "wfs"):
        if path.startswith("/" + p):
            return p
    return "rest"


def answer(status, headers, body=b"", path="/api"):
    """How an answer counts during an outage: a 503 counts as "503" only with Retry-After and in its
    protocol's form (an OGC ExceptionReport for WMS and WFS, problem+json for the REST APIs); any
    other 503 (e.g. HAProxy's own HTML page) is named by what it lacks."""
    if status != 503:
        return str(status)
    if "retry-after" not in headers:
        return "503-without-Retry-After"
    kind = headers.get("content-type", "")
    if protocol(path) == "rest":
        form = kind.startswith("application/problem+json")
    else:
        form = "xml" in kind and b"ExceptionReport" in body
    return "503" if form else "503-not-in-protocol-form"


def fids(base, n):
    status, _, body = request("GET", f"{base}/ogcapi/collections/{LAYER}/items?limit={n}")
    assert status == 200, f"items: {status}"
    return [f["id"] for f in json.loads(body)["features"]]


def patch(base, fid, dn):
    return request(
        "PATCH",
        f"{base}/ogcapi/collections/{LAYER}/items/{fid}",
        {"type": "Feature", "properties": {"dn_mm": dn}},
        {"Authorization": AUTH},
    )


def patch_dn(base, fid, dn):
    return patch(base, fid, dn)[0]


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
    writer = NODES[os.environ.get("WRITER", "node1")]
    reader = NODES[os.environ.get("READER", "node2")]
    fid = fids(writer, 1)[0]
    seen = 0
    stale = []
    before = standby_reads(reader)
    for i in range(n):
        dn = 100 + (i % 50) * 10 + (1 if i % 100 >= 50 else 0)
        assert patch_dn(writer, fid, dn) in (200, 204), "edit refused"
        got = read_dn(reader, fid)
        if got == dn:
            seen += 1
        elif len(stale) < 5:
            stale.append({"round": i, "wrote": dn, "read": got})
    on_standby = standby_reads(reader) - before
    report({"check": "read-your-writes", "writer": os.environ.get("WRITER", "node1"),
            "reader": os.environ.get("READER", "node2"), "rounds": n, "seen_on_other_node": seen,
            "reader_reads_on_standby": on_standby, "stale": stale})
    need_standby = os.environ.get("STANDBY_READS", "1") == "1"
    return seen == n and (on_standby > 0 or not need_standby)


def tile_urls(base, lon, lat):
    """The URL paths of the tiles of every level whose square holds (lon, lat), both y conventions."""
    status, _, body = request("GET", f"{base}/3dtiles/{LAYER}/tileset.json")
    assert status == 200, f"tileset: {status}"
    root = json.loads(body)["root"]
    w, s, e, n = (math.degrees(v) for v in root["boundingVolume"]["region"][:4])
    uri = root["content"]["uri"]
    paths = set()
    for level in range(root["implicitTiling"]["availableLevels"]):
        k = 2 ** level
        x = min(k - 1, int((lon - w) / (e - w) * k))
        y = min(k - 1, int((lat - s) / (n - s) * k))
        for yy in {y, k - 1 - y}:
            path = uri.replace("{level}", str(level)).replace("{x}", str(x)).replace("{y}", str(yy))
            paths.add(f"/3dtiles/{LAYER}/{path}")
    return sorted(paths)


def tile_hashes(bases, paths):
    return {(b, p): hashlib.sha256(request("GET", b + p)[2]).hexdigest() for b in bases for p in paths}


def tile_fresh():
    """An edit through WRITER: seconds until every watched tile changed on both nodes."""
    writer = os.environ.get("WRITER", "node1")
    fid = fids(NODES[writer], 1)[0]
    status, _, body = request("GET", f"{NODES[writer]}/ogcapi/collections/{LAYER}/items/{fid}")
    coords = json.loads(body)["geometry"]["coordinates"]
    lon = sum(c[0] for c in coords) / len(coords)
    lat = sum(c[1] for c in coords) / len(coords)
    paths = tile_urls(NODE1, lon, lat)
    before = tile_hashes(NODES.values(), paths)
    dn = read_dn(NODES[writer], fid)
    assert patch_dn(NODES[writer], fid, 2000 if dn != 2000 else 1800) in (200, 204), "edit refused"
    start = time.time()
    changed_at = {}
    while time.time() - start < 30 and len(changed_at) < len(NODES):
        now = tile_hashes(NODES.values(), paths)
        for name, base in NODES.items():
            if name not in changed_at and any(now[(base, p)] != before[(base, p)] for p in paths):
                changed_at[name] = round(time.time() - start, 3)
        time.sleep(0.05)
    report({"check": "tile-fresh-on-both-nodes", "writer": writer, "seconds": changed_at,
            "tiles_watched": len(paths)})
    return len(changed_at) == len(NODES) and max(changed_at.values()) <= 1.0


class Readers:
    """Threads reading through one URL; records (time, answer) of every request."""

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
            path = self._paths()
            status, headers, body = request("GET", self.base + path, timeout=20)
            with self.lock:
                self.log.append((time.time(), answer(status, headers, body, path), protocol(path)))

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
    with Readers(PROXY, int(os.environ.get("READERS", "8"))) as r:
        time.sleep(5)
        killed = time.time()
        subprocess.run([CLUSTER, "kill", "server", "2"], check=True)
        time.sleep(float(os.environ.get("AFTER", "20")))
    failed_after = [t - killed for t, s, _ in r.log if s != "200" and t > killed]
    late = [d for d in failed_after if d > 5]
    report({"check": "kill -9 one node", "requests": len(r.log),
            "failed": len(failed_after), "failed_later_than_5s": len(late),
            "last_failure_s_after_kill": round(max(failed_after), 2) if failed_after else None})
    return not late


def primary_now():
    out = subprocess.run([CLUSTER, "primary"], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def history(fids_, since):
    """Every dn_mm each feature had in the versions written since `since` (epoch s), from the
    primary."""
    sql = (f"SELECT fid, dn_mm FROM pipe_segment WHERE fid IN ({','.join(str(int(f)) for f in fids_)})"
           f" AND valid_from >= to_timestamp({since - 1})")
    for _ in range(120):  # the primary may still be settling (read-only, restarting)
        done = subprocess.run(["psql", os.environ["PSQL_URL"], "-qAt", "-F", " ", "-c", sql],
                              capture_output=True, text=True)
        if done.returncode == 0:
            break
        time.sleep(1)
    done.check_returncode()
    out = done.stdout
    versions = {}
    for line in out.splitlines():
        fid, dn = line.split(" ")
        versions.setdefault(fid, set()).add(int(dn) if dn else None)
    return versions


def failover():
    """Editors (one feature each) and readers through the proxy; the primary is killed mid-run."""
    editors = int(os.environ.get("EDITORS", "4"))
    features = fids(PROXY, editors)
    acked = {f: [] for f in features}
    stop = [False]
    edit_log = []
    old_primary = primary_now()
    began = time.time()

    def edit(fid):
        dn = 1000 + random.randrange(0, 2000)
        while not stop[0]:
            dn += 1
            status, headers, body = patch(PROXY, fid, dn)
            edit_log.append((time.time(), answer(status, headers, body), "rest edit"))
            if status in (200, 204):
                acked[fid].append(dn)
            time.sleep(0.05)

    threads = [threading.Thread(target=edit, args=(f,), daemon=True) for f in features]
    with Readers(PROXY, int(os.environ.get("READERS", "4"))) as r:
        for t in threads:
            t.start()
        time.sleep(10)
        # the kill is the command's last step: the outage starts when it returns (a loaded machine
        # takes seconds to run the script before it)
        subprocess.run(os.environ["STOP_PRIMARY"], shell=True, check=True)
        stopped = time.time()
        deadline = stopped + float(os.environ.get("FAILOVER_LIMIT", "180"))
        promoted = recovered = None
        while time.time() < deadline and recovered is None:
            time.sleep(0.5)
            if promoted is None:
                now = primary_now()
                if now and now != old_primary:
                    promoted = time.time()
            # recovered: the first acknowledged edit after the first refused one
            failed = [t for t, s, _ in edit_log if t > stopped and s not in ("200", "204")]
            ok = [t for t, s, _ in edit_log if failed and t > min(failed) and s in ("200", "204")]
            recovered = min(ok) if ok else None
        time.sleep(10)
        stop[0] = True
        for t in threads:
            t.join(30)
    during, during_by_protocol = {}, {}
    for t, s, proto in r.log + edit_log:
        if t > stopped and (recovered is None or t < recovered):
            during[s] = during.get(s, 0) + 1
            key = f"{proto} {s}"
            during_by_protocol[key] = during_by_protocol.get(key, 0) + 1
    versions = history(features, began)
    lost = [{"fid": f, "dn": dn} for f in features for dn in acked[f] if dn not in versions.get(str(f), set())]
    # each editor's values only grow: the current one is the last acknowledged or a later attempt
    current = {f: read_dn(PROXY, f) for f in features}
    current_ok = all(not acked[f] or (current[f] is not None and current[f] >= acked[f][-1])
                     for f in features)
    errors_after = {}
    for t, s, _ in r.log + edit_log:
        if recovered and t > recovered + 5 and s not in ("200", "204"):
            errors_after[s] = errors_after.get(s, 0) + 1
    figures = {"check": "primary killed", "old_primary": old_primary, "new_primary": primary_now(),
               "promoted_s": round(promoted - stopped, 1) if promoted else None,
               "recovered_s": round(recovered - stopped, 1) if recovered else None,
               "answers_during_failover": during, "answers_during_failover_by_protocol": during_by_protocol,
               "acknowledged_edits": sum(len(v) for v in acked.values()), "lost_edits": len(lost),
               "lost": lost[:10], "current_values_ok": current_ok, "errors_after_recovery": errors_after}
    report(figures)
    return (recovered is not None and not lost and current_ok and not errors_after
            and not set(during) - {"200", "204", "503"})


def rejoin():
    n = os.environ["REJOIN"]
    host = os.environ.get(f"CLUSTER_PG{n}_HOST", "127.0.0.1")
    port = os.environ.get(f"CLUSTER_PG{n}_PORT", "5600" + n)
    started = time.time()
    subprocess.run([CLUSTER, "up", "postgres", n], check=True, stdout=subprocess.DEVNULL)
    states = {}
    in_sync = None
    while time.time() - started < float(os.environ.get("REJOIN_LIMIT", "600")):
        out = subprocess.run(["psql", f"postgresql://postgres@{host}:{port}/postgres?connect_timeout=1",
                              "-qAtc", "SELECT pg_is_in_recovery()"], capture_output=True, text=True)
        state = {"t": "standby", "f": "read-write"}.get(out.stdout.strip(), "down")
        states.setdefault(state, round(time.time() - started, 1))
        if state == "standby" and subprocess.run([CLUSTER, "in-sync"]).returncode == 0:
            in_sync = round(time.time() - started, 1)
            break
        time.sleep(0.2)
    report({"check": "old primary rejoins", "server": int(n), "first_seen_s": states,
            "synchronous_standby_s": in_sync})
    return in_sync is not None and "read-write" not in states


def route(node, state):
    subprocess.run([CLUSTER, "route", node, state], check=True)


def mixed():
    """Requests/s through the proxy: one node (node 2 taken out) and two, alternating."""
    seconds = float(os.environ.get("MIXED_SECONDS", "20"))
    rounds = int(os.environ.get("MIXED_ROUNDS", "2"))
    readers = int(os.environ.get("READERS", "16"))

    answers = {}

    def measure():
        with Readers(PROXY, readers) as r:
            time.sleep(seconds)
        for _, s, _ in r.log:
            answers[s] = answers.get(s, 0) + 1
        ok = sum(1 for _, s, _ in r.log if s == "200")
        return ok / seconds, len(r.log) - ok

    with Readers(PROXY, readers):
        time.sleep(float(os.environ.get("WARM_UP_SECONDS", "20")))
    one, two, errors = [], [], 0
    try:
        for _ in range(rounds):
            route("2", "off")
            time.sleep(1)
            rate, err = measure()
            one.append(round(rate, 1))
            errors += err
            route("2", "on")
            time.sleep(2)  # two readiness checks
            rate, err = measure()
            two.append(round(rate, 1))
            errors += err
    finally:
        route("2", "on")
    report({"check": "mixed reads 1 vs 2 nodes", "readers": readers, "seconds_each": seconds,
            "one_node_req_per_s": one, "two_nodes_req_per_s": two,
            "ratio": round(sum(two) / sum(one), 2) if sum(one) else None, "errors": errors,
            "answers": answers,
            "node_cpus": os.environ.get("CLUSTER_NODE_CPUS", "")})
    return errors == 0 and sum(one) > 0


if __name__ == "__main__":
    commands = {"ryw": ryw, "tile-fresh": tile_fresh, "kill-node": kill_node, "failover": failover, "mixed": mixed,
                "rejoin": rejoin}
    sys.exit(0 if commands[sys.argv[1]]() else 1)
