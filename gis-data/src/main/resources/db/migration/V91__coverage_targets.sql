-- Coverage targets of the plan, as data (cn.lzxq.city.data.coverage.CoverageKpi): the share of
-- built-up parcel area (GB 50137-2011 construction land: every class but E, 非建设用地) that an
-- operator's best server must cover at or above threshold_dbm. land_use_class is the GB 50137 major
-- class (R, A, B, M, W, S, U, G) or NULL for all built-up land; operator NULL for every operator.
-- A more specific row (class before NULL, operator before NULL) governs.

CREATE TABLE coverage_target (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  operator        text REFERENCES organization (code),
  land_use_class  text CHECK (land_use_class ~ '^[RABMWSUG]$'),
  threshold_dbm   double precision NOT NULL CHECK (threshold_dbm BETWEEN -160 AND -30),
  target_share    double precision NOT NULL CHECK (target_share BETWEEN 0 AND 1),
  source_clause   text NOT NULL,
  UNIQUE NULLS NOT DISTINCT (operator, land_use_class)
);
COMMENT ON TABLE coverage_target IS 'Coverage targets: share (0-1) of built-up parcel area at or above threshold_dbm RSRP, per operator and GB 50137 major class (NULL = all)';

INSERT INTO coverage_target (operator, land_use_class, threshold_dbm, target_share, source_clause) VALUES
  (NULL, NULL, -110, 1.0, 'Lanzhou smart-city co-construction programme: the built-up area fully covered (issue 20); -110 dBm SS-RSRP edge level [M]'),
  (NULL, 'G', -110, 0.9, 'green space (G): 90 % [M], an operator value to confirm');
