-- Power towers as hosts of a new sector for a coverage hole (issue 20, co-construction). The 2020
-- MIIT/SASAC opinions on 5G co-construction open power poles and towers to base stations both ways
-- ("电力杆塔双向开放", DOMAIN.md §4), and operators hang sectors on in-use transmission towers below
-- the live parts. A power tower can carry the new antenna when the antenna stays the minimum safety
-- distance for work near live equipment (GB 26859-2011 电力安全工作规程 电力线路部分, Table 1
-- 设备不停电时的安全距离) below the tower's top: tower_height_m − live_clearance_m ≥ the antenna
-- height. The data model keeps no crossarm heights, so the tower's top stands in for its lowest live
-- part (an optimistic reading: the lower crossarms hang below the top) [M]. A tower above the
-- highest voltage listed, or without a height, cannot host. One row per voltage class: the row with
-- the least voltage_max_kv at or above the tower's voltage governs.
CREATE TABLE power_tower_mount_rule (
  id               integer PRIMARY KEY,
  voltage_max_kv   numeric(6, 1) NOT NULL UNIQUE CHECK (voltage_max_kv > 0),
  live_clearance_m numeric(4, 2) NOT NULL CHECK (live_clearance_m > 0),
  source_clause    text NOT NULL,
  confidence       char(1) NOT NULL CHECK (confidence IN ('V', 'S', 'M')),
  note             text
);
COMMENT ON TABLE power_tower_mount_rule IS 'Least distance (m) a new sector keeps below the top of a power tower of up to voltage_max_kv, by voltage class';
INSERT INTO power_tower_mount_rule VALUES
  (1, 10, 0.70, 'GB 26859-2011 Table 1 (10 kV and below)', 'S', NULL),
  (2, 35, 1.00, 'GB 26859-2011 Table 1 (20, 35 kV)', 'S', NULL),
  (3, 110, 1.50, 'GB 26859-2011 Table 1 (66, 110 kV)', 'S', '110 kV 1.5 m also in the State Grid safety code'),
  (4, 220, 3.00, 'GB 26859-2011 Table 1 (220 kV)', 'S', NULL),
  (5, 330, 4.00, 'GB 26859-2011 Table 1 (330 kV)', 'S', NULL),
  (6, 500, 5.00, 'GB 26859-2011 Table 1 (500 kV)', 'S', NULL),
  (7, 750, 7.20, 'GB 26859-2011 Table 1 (750 kV)', 'M', NULL),
  (8, 1000, 8.70, 'GB 26859-2011 Table 1 (1,000 kV)', 'M', NULL);
