-- Digital elevation model (DEM) of the city for terrain (quantized-mesh) and surveying QA.
-- A DEM version is a grid in CGCS2000 longitude/latitude (EPSG:4490, the geographic grid the
-- quantized-mesh tiles are cut from, so tiles need no reprojection), imported with GDAL
-- (`city import dem`), heights in metres in the 1985 national height datum (normal heights H;
-- ellipsoidal input is converted with the configured height anomaly: H = h - ζ), float32, NaN for
-- no data. Versioned like the feature tables: the current version has valid_to NULL, an import
-- closes it and inserts the next one; tiles of old versions stay for as-of reads.

CREATE TABLE dem (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source     text NOT NULL,
  west       double precision NOT NULL,
  north      double precision NOT NULL,
  pixel_lon  double precision NOT NULL CHECK (pixel_lon > 0),
  pixel_lat  double precision NOT NULL CHECK (pixel_lat > 0),
  width      integer NOT NULL CHECK (width > 0),
  height     integer NOT NULL CHECK (height > 0),
  tile_size  integer NOT NULL CHECK (tile_size > 0),
  min_h      double precision NOT NULL,
  max_h      double precision NOT NULL,
  extent     geometry(Polygon, 4490) NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to   timestamptz,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE dem IS 'DEM versions: grid of west/north corner and pixel size (EPSG:4490 degrees), heights in dem_tile (1985 datum, metres)';
CREATE UNIQUE INDEX dem_one_current ON dem ((valid_to IS NULL)) WHERE valid_to IS NULL;

CREATE TABLE dem_tile (
  dem_id   bigint NOT NULL REFERENCES dem (id) ON DELETE CASCADE,
  tile_row integer NOT NULL,
  tile_col integer NOT NULL,
  heights  bytea NOT NULL,
  PRIMARY KEY (dem_id, tile_row, tile_col)
);
COMMENT ON TABLE dem_tile IS 'DEM pixels by tile_size x tile_size block (row-major from the north-west, float32 little-endian, NaN = no data; edge blocks are cut to the grid)';
-- float noise compresses badly and a read should not spend time inflating it
ALTER TABLE dem_tile ALTER COLUMN heights SET STORAGE EXTERNAL;
