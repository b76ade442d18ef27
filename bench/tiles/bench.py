#!/usr/bin/env python3
"""3D Tiles benchmark client: cold and warm tile latency, sizes and the city-wide request count.

Usage: bench.py BASE_URL [TILESET]   e.g. bench.py http://127.0.0.1:18080 city
Reads tileset.json and the subtrees like a client, requests every available content twice
(the first pass builds each tile from PostGIS: cold; the second is served from memory: warm),
and simulates CesiumJS (maximumScreenSpaceError 16, 1920x1080, 60° fov) for a camera looking
straight down on the root centre from the height that shows the whole root.
"""
import json, math, statistics, struct, sys, time, urllib.request

BASE = sys.argv[1].rstrip('/')
TILESET = sys.argv[2] if len(sys.argv) > 2 else 'city'


def get(url):
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as r:
        body = r.read()
    return body, (time.perf_counter() - t) * 1000


class Subtree:
    def __init__(self, data):
        magic, version, jlen, blen = struct.unpack_from('<IIQQ', data, 0)
        assert magic == 0x74627573
        self.json = json.loads(data[24:24 + jlen])
        self.bin = data[24 + jlen:24 + jlen + blen]

    def bit(self, a, i):
        if 'constant' in a:
            return a['constant'] == 1
        v = self.json['bufferViews'][a['bitstream']]
        return (self.bin[v.get('byteOffset', 0) + i // 8] >> (i % 8)) & 1 == 1

    def tile(self, i):
        return self.bit(self.json['tileAvailability'], i)

    def content(self, c, i):
        ca = self.json.get('contentAvailability')
        return ca is not None and self.bit(ca[c], i)

    def child(self, i):
        return self.bit(self.json['childSubtreeAvailability'], i)


def morton(x, y, d):
    m = 0
    for b in range(d):
        m |= ((x >> b) & 1) << (2 * b) | ((y >> b) & 1) << (2 * b + 1)
    return m


class Walk:
    def __init__(self, url):
        self.base = url[:url.rindex('/') + 1]
        ts = json.loads(get(url)[0])
        self.ts = ts
        root = ts['root']
        self.region = root['boundingVolume']['region']
        it = root['implicitTiling']
        self.levels, self.sub = it['availableLevels'], it['subtreeLevels']
        self.error = root['geometricError']
        self.templates = [c['uri'] for c in root.get('contents', [root.get('content')])]
        self.subtree_uri = it['subtrees']['uri']
        self.subtrees = {}

    def uri(self, t, level, x, y):
        return self.base + t.replace('{level}', str(level)).replace('{x}', str(x)).replace('{y}', str(y))

    def subtree(self, level, x, y):
        rl = level - level % self.sub
        rx, ry = x >> (level - rl), y >> (level - rl)
        key = (rl, rx, ry)
        if key not in self.subtrees:
            self.subtrees[key] = Subtree(get(self.uri(self.subtree_uri, rl, rx, ry))[0])
        d = level - rl
        return self.subtrees[key], (4 ** d - 1) // 3 + morton(x & ((1 << d) - 1), y & ((1 << d) - 1), d), key

    def available(self, level, x, y):
        if level > 0 and level % self.sub == 0:
            s, _, (rl, rx, ry) = self.subtree(level - 1, x >> 1, y >> 1)
            d = level - rl
            if not s.child(morton(x & ((1 << d) - 1), y & ((1 << d) - 1), d)):
                return False
        s, i, _ = self.subtree(level, x, y)
        return s.tile(i)

    def contents(self, level, x, y):
        s, i, _ = self.subtree(level, x, y)
        return [self.uri(t, level, x, y) for c, t in enumerate(self.templates) if s.content(c, i)]

    def all(self, level=0, x=0, y=0, out=None):
        out = [] if out is None else out
        if not self.available(level, x, y):
            return out
        out += self.contents(level, x, y)
        if level + 1 < self.levels:
            for cx, cy in ((2 * x, 2 * y), (2 * x + 1, 2 * y), (2 * x, 2 * y + 1), (2 * x + 1, 2 * y + 1)):
                self.all(level + 1, cx, cy, out)
        return out

    def cesium(self):
        w, s, e, n, hmin, hmax = self.region
        R = 6371000.0
        lat0, lon0 = (s + n) / 2, (w + e) / 2
        tan_x = math.tan(math.radians(30))
        tan_y = tan_x * 1080 / 1920
        height = (n - s) * R / 2 / tan_y
        half_w, half_h = height * tan_x, height * tan_y
        out = []

        def visit(level, x, y):
            k = 2 ** level
            tw, te = w + (e - w) * x / k, w + (e - w) * (x + 1) / k
            ts_, tn = s + (n - s) * y / k, s + (n - s) * (y + 1) / k
            ew, ee = (tw - lon0) * R * math.cos(lat0), (te - lon0) * R * math.cos(lat0)
            ns, nn = (ts_ - lat0) * R, (tn - lat0) * R
            if ee < -half_w or ew > half_w or nn < -half_h or ns > half_h or not self.available(level, x, y):
                return
            out.extend(self.contents(level, x, y))
            dx = max(ew, min(ee, 0.0))
            dy = max(ns, min(nn, 0.0))
            dz = height - max(hmin, min(hmax, height))
            dist = max(1e-3, math.sqrt(dx * dx + dy * dy + dz * dz))
            sse = self.error / 2 ** level * 1080 / (dist * 2 * tan_y)
            if sse > 16 and level + 1 < self.levels:
                for cx, cy in ((2 * x, 2 * y), (2 * x + 1, 2 * y), (2 * x, 2 * y + 1), (2 * x + 1, 2 * y + 1)):
                    visit(level + 1, cx, cy)

        visit(0, 0, 0)
        return out, height


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(math.ceil(p / 100 * len(v))) - 1)]


walk = Walk(f'{BASE}/3dtiles/{TILESET}/tileset.json')
urls = walk.all()
cold, warm, sizes = [], [], []
for u in urls:
    body, ms = get(u)
    cold.append(ms)
    sizes.append(len(body))
for u in urls:
    warm.append(get(u)[1])
view, height = walk.cesium()
print(f'tileset {TILESET}: {walk.levels} levels, root error {walk.error:.0f} m, {len(walk.subtrees)} subtrees')
print(f'contents {len(urls)}; total {sum(sizes) / 1e6:.1f} MB; median {statistics.median(sizes) / 1e3:.1f} KB; '
      f'max {max(sizes) / 1e3:.1f} KB')
print(f'cold ms: p50 {pct(cold, 50):.1f} p95 {pct(cold, 95):.1f} max {max(cold):.1f}')
print(f'warm ms: p50 {pct(warm, 50):.1f} p95 {pct(warm, 95):.1f} max {max(warm):.1f}')
print(f'city-wide view (camera {height / 1000:.1f} km above the root centre, looking down): '
      f'{len(view)} content requests')
