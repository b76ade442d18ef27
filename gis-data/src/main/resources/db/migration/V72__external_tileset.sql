-- Registered 3D Tiles tilesets (photogrammetry from ContextCapture, DJI Terra and the like), listed
-- by /3dtiles and served at /3dtiles/{name}/tileset.json from the database so every node serves
-- them. `city import tileset --name NAME DIR|URL` stores the files the tileset references; a version
-- per registration (the current one has valid_to NULL; registering a name again closes it). The
-- root transform of the stored tileset.json carries the placement asked for (an origin for a local
-- frame, height_offset_m along the ellipsoid normal). `geom` is the root volume's extent, native CRS.

CREATE TABLE external_tileset (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{0,39}$'),
  source          text NOT NULL,
  note            text,
  height_offset_m double precision NOT NULL DEFAULT 0,
  files           integer NOT NULL,
  bytes           bigint NOT NULL,
  geom            geometry(Polygon, ${srid}),
  valid_from      timestamptz NOT NULL DEFAULT now(),
  valid_to        timestamptz,
  changed_by      text NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE external_tileset IS 'Registered 3D Tiles tilesets (photogrammetry), one version per registration; files in external_tileset_file';
CREATE UNIQUE INDEX external_tileset_current ON external_tileset (name) WHERE valid_to IS NULL;

CREATE TABLE external_tileset_file (
  tileset_id bigint NOT NULL REFERENCES external_tileset (id),
  path       text NOT NULL,
  body       bytea NOT NULL,
  PRIMARY KEY (tileset_id, path)
);
ALTER TABLE external_tileset_file ALTER COLUMN body SET STORAGE EXTERNAL;
COMMENT ON TABLE external_tileset_file IS 'Files of a registered tileset: path relative to the root tileset.json''s folder (/ separators, percent-escapes decoded) and bytes';
