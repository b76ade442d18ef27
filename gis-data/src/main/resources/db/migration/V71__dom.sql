-- Orthophoto (DOM, 数字正射影像) of the city: the raster layer `orthophoto` of the catalog, served by
-- WMS GetMap under the vector layers. A DOM version is a grid in the native CRS (${srid}: x0/y0 =
-- west/north edge, square pixels of pixel_m metres), imported with GDAL (`city import dom`), stored
-- as a pyramid of 256 × 256 PNG blocks (level 0 = full resolution, each level halves it, the last
-- fits one block). Versioned like the DEM: the current version has valid_to NULL, an import closes
-- it and inserts the next one. `geom` is the extent (for the catalog's count and extent), `note`
-- what the image is (the sample's says synthetic).

CREATE TABLE dom (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source     text NOT NULL,
  note       text,
  x0         double precision NOT NULL,
  y0         double precision NOT NULL,
  pixel_m    double precision NOT NULL CHECK (pixel_m > 0),
  width      integer NOT NULL CHECK (width > 0),
  height     integer NOT NULL CHECK (height > 0),
  tile_size  integer NOT NULL CHECK (tile_size > 0),
  levels     integer NOT NULL CHECK (levels > 0),
  geom       geometry(Polygon, ${srid}) NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to   timestamptz,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE dom IS 'Orthophoto versions: native-CRS grid (x0/y0 west/north edge, pixel_m), PNG block pyramid in dom_tile';
CREATE UNIQUE INDEX dom_one_current ON dom ((valid_to IS NULL)) WHERE valid_to IS NULL;

CREATE TABLE dom_tile (
  dom_id bigint NOT NULL REFERENCES dom (id),
  level  integer NOT NULL CHECK (level >= 0),
  row    integer NOT NULL CHECK (row >= 0),
  col    integer NOT NULL CHECK (col >= 0),
  png    bytea NOT NULL,
  PRIMARY KEY (dom_id, level, row, col)
);
ALTER TABLE dom_tile ALTER COLUMN png SET STORAGE EXTERNAL;
COMMENT ON TABLE dom_tile IS 'Orthophoto blocks: PNG (RGBA) of tile_size² pixels at pixel_m × 2^level; edge blocks are smaller';
