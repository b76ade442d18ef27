#!/usr/bin/env python3
"""Checks that both servers draw comparable, non-blank maps before bench/wms/run.sh times them.

Usage: check.py OURS_BASE MAPSERVER_BASE LAYER_LIST REQUEST_LIST...

For the first request of each REQUEST_LIST it fetches the full map (all layers) from both
servers, and for the first request of LAYER_LIST one map per layer; each image must be a PNG with more than one colour
(not blank), and per layer both servers must draw something. It prints the share of non-white
pixels of each image and the mean absolute difference between the two (0–255 per channel).
Exits non-zero when an image is blank or an answer is not a PNG.
"""
import struct
import sys
import urllib.request
import zlib

from requests import LAYERS


def decode_png(data):
    """Pixels of an 8-bit, non-interlaced RGB or RGBA PNG as (width, height, channels, bytes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG: " + data[:200].decode("utf-8", "replace"))
    pos, idat = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    channels = {2: 3, 6: 4}[colour]
    if depth != 8:
        raise ValueError("bit depth %d" % depth)
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    out = bytearray(height * stride)
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return width, height, channels, bytes(out)


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return decode_png(r.read())


def rgb(image):
    w, h, ch, px = image
    return [px[i:i + 3] for i in range(0, len(px), ch)]


def inked(pixels):
    return sum(1 for p in pixels if p != b"\xff\xff\xff") / len(pixels)


def compare(label, ours_url, ms_url):
    a, b = rgb(fetch(ours_url)), rgb(fetch(ms_url))
    colours = (len(set(a)), len(set(b)))
    diff = sum(abs(x - y) for p, q in zip(a, b) for x, y in zip(p, q)) / (3 * len(a))
    print("  %-34s ours %5.1f %% inked %5d colours | mapserver %5.1f %% inked %5d colours | mean |diff| %5.1f"
          % (label, 100 * inked(a), colours[0], 100 * inked(b), colours[1], diff))
    return colours[0] > 1 and colours[1] > 1


def main():
    ours, ms, layer_list, lists = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    ok = True
    for path in lists:
        with open(path) as f:
            first = f.readline().strip()
        ok &= compare(path.rsplit("/", 1)[-1], ours + first, ms + first)
    with open(layer_list) as f:
        first = f.readline().strip()
    for layer in LAYERS.split(","):
        one = first.replace("LAYERS=" + LAYERS, "LAYERS=" + layer)
        ok &= compare("  layer " + layer, ours + one, ms + one)
    if not ok:
        sys.exit("a map is blank: the benchmark would time empty maps")


if __name__ == "__main__":
    main()
