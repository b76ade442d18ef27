#!/usr/bin/env python3
"""Writes a random-bbox GetMap request list (one URL path per line) for bench/wms/run.sh.

Usage: requests.py SCALE WIDTH HEIGHT COUNT SEED MINX MINY MAXX MAXY > list.txt

Window centres are uniform over the data extent (EPSG:3857 metres). The window size gives the
scale denominator 1:SCALE in ground metres with the OGC standard 0.28 mm pixel: a pixel covers
SCALE * 0.00028 m on the ground, i.e. that divided by cos(latitude) Web Mercator metres. The
same list is replayed against both servers, so both draw exactly the same windows.
"""
import math
import random
import sys

LAYERS = "zoning_parcel,road,pipe_js,pipe_ps,pipe_rq,pipe_rl,pipe_dl,pipe_tx"
EARTH_RADIUS = 6378137.0


def main():
    scale, width, height, count, seed = (float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
                                         int(sys.argv[5]))
    minx, miny, maxx, maxy = (float(v) for v in sys.argv[6:10])
    rnd = random.Random(seed)
    for _ in range(count):
        cx = rnd.uniform(minx, maxx)
        cy = rnd.uniform(miny, maxy)
        lat = math.atan(math.sinh(cy / EARTH_RADIUS))
        units_per_px = scale * 0.00028 / math.cos(lat)
        hw = width * units_per_px / 2
        hh = height * units_per_px / 2
        print("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=EPSG:3857"
              "&BBOX=%.2f,%.2f,%.2f,%.2f&WIDTH=%d&HEIGHT=%d&FORMAT=image/png"
              % (LAYERS, cx - hw, cy - hh, cx + hw, cy + hh, width, height))


if __name__ == "__main__":
    main()
