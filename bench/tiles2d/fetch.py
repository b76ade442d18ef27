#!/usr/bin/python3
"""bench/tiles2d/fetch.py BASE LIST: GETs every path of LIST once, one after another on one
keep-alive connection; prints 'RESULT seconds=… tiles=… bytes=… non200=…'."""
import http.client
import sys
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
paths = [p.strip() for p in open(sys.argv[2]) if p.strip()]
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
size = bad = 0
t0 = time.perf_counter()
for p in paths:
    conn.request("GET", p)
    r = conn.getresponse()
    body = r.read()
    size += len(body)
    bad += r.status != 200
print(f"RESULT seconds={time.perf_counter() - t0:.3f} tiles={len(paths)} bytes={size} non200={bad}")
