#!/usr/bin/env python3
"""bench/wfs/count.py MARKER: counts MARKER in stdin read in 1 MiB chunks (a GeoJSON response is one
line of hundreds of MB, which grep -o would hold whole in memory); prints the count."""
import sys

marker = sys.argv[1].encode()
count, tail = 0, b""
while chunk := sys.stdin.buffer.read(1 << 20):
    data = tail + chunk
    count += data.count(marker)
    cut = len(data) - len(marker) + 1
    tail = data[max(cut, 0):]  # shorter than the marker: no match is counted twice
print(count)
