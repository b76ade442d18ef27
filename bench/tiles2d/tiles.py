#!/usr/bin/python3
"""bench/tiles2d/tiles.py: the Web Mercator tiles of one level in a block around a lon/lat point.

  tiles.py LON LAT ZOOM SIDE KIND

The block starts on the 4 × 4 metatile grid of both servers, so a seeding renders exactly
(SIDE / 4)² metatiles on each. KIND: 'ours' (WMTS RESTful paths of our server), 'mapproxy'
(MapProxy's WMTS RESTful paths), 'mvt' (our OGC API vector tile paths), 'sql' (the bare ST_AsMVT
statement of each tile as a user would write it, the pg_tileserv shape, with the same attributes,
buffer and clipping as ours, returning the tile's bytes), 'bbox' (the lon/lat box of the block, west,south,east,north, inset by 1/100 of a tile so
that no seeder takes a neighbouring row or column for a tile touching its edge).
"""
import math
import sys

R = 6378137.0
HALF = math.pi * R
METATILE = 4


def tile(lon, lat, z):
    x = math.radians(lon) * R
    y = R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    span = 2 * HALF / (1 << z)
    return int((x + HALF) // span), int((HALF - y) // span)


def lonlat(col, row, z):
    span = 2 * HALF / (1 << z)
    x = -HALF + col * span
    y = HALF - row * span
    return math.degrees(x / R), math.degrees(math.atan(math.sinh(y / R)))


ATTRS = ("network, subtype, feature_code, start_point, end_point, start_depth_m::double precision, "
         "end_depth_m::double precision, start_elev_m::double precision, end_elev_m::double precision, "
         "depth_ref, dn_mm::bigint, width_mm::bigint, height_mm::bigint, material, laying, "
         "pressure_mpa::double precision, pressure_class, voltage_kv::double precision, "
         "cable_count::bigint, total_holes::bigint, used_holes::bigint, flow_dir, owner, build_year::bigint, "
         "road_name, status, survey_unit, survey_date::text")


def main():
    lon, lat, z, side, kind = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    cx, cy = tile(lon, lat, z)
    c0 = (cx - side // 2) // METATILE * METATILE
    r0 = (cy - side // 2) // METATILE * METATILE
    cols = range(c0, c0 + side)
    rows = range(r0, r0 + side)
    if kind == "bbox":
        w, n = lonlat(cols[0] + 0.01, rows[0] + 0.01, z)
        e, s = lonlat(cols[-1] + 0.99, rows[-1] + 0.99, z)
        print(f"{w:.7f},{s:.7f},{e:.7f},{n:.7f}")
        return
    for row in rows:
        for col in cols:
            if kind == "ours":
                print(f"/wmts/pipe_js/default/current/WebMercatorQuad/{z}/{row}/{col}.png")
            elif kind == "mapproxy":
                print(f"/wmts/pipe_js/webmercator/{z}/{col}/{row}.png")
            elif kind == "mvt":
                print(f"/ogcapi/collections/pipe_js/tiles/WebMercatorQuad/{z}/{row}/{col}")
            elif kind == "sql":
                print(
                    "SELECT ST_AsMVT(m, 'pipe_js', 4096, 'geom', 'fid') FROM ("
                    f"SELECT fid, {ATTRS}, to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS valid_from,"
                    f" ST_AsMVTGeom(ST_Transform(ST_Force2D(geom), 3857), ST_TileEnvelope({z}, {col}, {row}), 4096, 256, true) AS geom"
                    " FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL AND valid_from <= now()"
                    f" AND geom && ST_Transform(ST_TileEnvelope({z}, {col}, {row}, margin => 256.0 / 4096), 4544)) m"
                    " WHERE m.geom IS NOT NULL;")


main()
