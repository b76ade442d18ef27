#!/usr/bin/env python3
"""Terrain tile latency over HTTP: bench.py BASE_URL [TILES].

Reads /terrain/layer.json, picks TILES (default 300) random tiles of the finest level inside the
DEM's range plus every tile of the two levels above it over the DEM, and requests each
twice as CesiumJS does (Accept: octvertexnormals, Accept-Encoding: gzip), one at a time: the first
pass is cold (built from the database and stored), the second warm (memory cache). Prints count,
median, p95 and max per pass, in milliseconds.
"""
import json
import random
import statistics
import sys
import time
import urllib.request

base = sys.argv[1].rstrip('/') + '/terrain/'
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
layer = json.load(urllib.request.urlopen(base + 'layer.json'))
z = layer['maxzoom']
rng = random.Random(17)
tiles = []
for level in (z - 2, z - 1):
    r = layer['available'][level][0]
    tiles += [(level, x, y) for x in range(r['startX'], r['endX'] + 1) for y in range(r['startY'], r['endY'] + 1)]
r = layer['available'][z][0]
tiles += [(z, rng.randint(r['startX'], r['endX']), rng.randint(r['startY'], r['endY'])) for _ in range(count)]
tiles = list(dict.fromkeys(tiles))
headers = {'Accept': 'application/vnd.quantized-mesh;extensions=octvertexnormals,application/octet-stream;q=0.9',
           'Accept-Encoding': 'gzip'}


def fetch(t):
    url = base + layer['tiles'][0].replace('{z}', str(t[0])).replace('{x}', str(t[1])).replace('{y}', str(t[2])) \
        .replace('{version}', layer['version'])
    start = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as resp:
        body = resp.read()
        assert resp.status == 200, url
    return (time.perf_counter() - start) * 1000, len(body)


def report(name, samples):
    ms = sorted(s[0] for s in samples)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    print(f'{name}: {len(ms)} tiles (levels {z - 2}..{z}), median {statistics.median(ms):.1f} ms, '
          f'p95 {p95:.1f} ms, max {ms[-1]:.1f} ms, mean gzip size {statistics.mean(s[1] for s in samples) / 1024:.1f} KiB')


report('cold', [fetch(t) for t in tiles])
report('warm', [fetch(t) for t in tiles])
