package cn.lzxq.city.data.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tables the sample fills, in foreign-key order, with their COPY column lists and the encoding
 * of each generated row as a line of COPY text. Every feature row carries its fid, valid_from (the
 * construction, approval or planned date at midnight China time) and changed_by = {@value
 * #CHANGED_BY}.
 */
public enum SampleTable {
  ORGANIZATION("organization", "code, name, name_en, kind, networks"),
  ROAD(
      "road",
      "fid, valid_from, changed_by, name, road_class, red_line_width_m, carriageway_width_m, geom, red_line"),
  ZONING_PARCEL(
      "zoning_parcel",
      "fid, valid_from, changed_by, parcel_code, land_use_code, land_use_name, area_m2, max_far, "
          + "max_coverage_pct, min_green_pct, height_limit_m, plan_name, approval_date, geom"),
  BUILDING(
      "building",
      "fid, valid_from, changed_by, building_code, building_use, floors, height_m, parcel_code, "
          + "build_year, status, geom"),
  DISTRICT("district", "fid, valid_from, changed_by, district_code, name, name_en, geom"),
  CONSTRUCTION_PROJECT(
      "construction_project",
      "fid, valid_from, changed_by, project_code, name, owner, kind, networks, "
          + "trench_depth_m, planned_start, planned_end, status, geom"),
  BASE_STATION(
      "base_station",
      "fid, valid_from, changed_by, site_code, site_name, area_type, address, tower_type, "
          + "tower_height_m, platform_count, ground_elev_m, sharing_status, tenants, owner, build_year, status, geom"),
  ANTENNA_SECTOR(
      "antenna_sector",
      "fid, valid_from, changed_by, site_code, sector_no, operator, technology, band, "
          + "frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg, antenna_height_m, h_beamwidth_deg, v_beamwidth_deg, "
          + "gain_dbi, eirp_dbm, status, geom"),
  WLAN_AP(
      "wlan_ap",
      "fid, valid_from, changed_by, ap_code, ssid, operator, band, mount_height_m, eirp_dbm, "
          + "placement, status, geom"),
  POWER_TOWER(
      "power_tower",
      "fid, valid_from, changed_by, tower_code, line_name, voltage_kv, tower_height_m, owner, "
          + "build_year, status, geom"),
  STREET_TREE(
      "street_tree",
      "fid, valid_from, changed_by, tree_code, species, species_latin, growth_form, "
          + "trunk_diameter_cm, planted_year, road_name, status, geom"),
  PIPE_POINT(
      "pipe_point",
      "fid, valid_from, changed_by, network, subtype, exp_no, map_no, feature, appurtenance, "
          + "feature_code, ground_elev_m, depth_m, well_depth_m, cover_size, cover_material, rotation_deg, operable, owner, "
          + "road_name, status, survey_unit, survey_date, geom"),
  PIPE_SEGMENT(
      "pipe_segment",
      "fid, valid_from, changed_by, network, subtype, feature_code, line_no, start_point, "
          + "end_point, start_depth_m, end_depth_m, start_elev_m, end_elev_m, depth_ref, dn_mm, width_mm, height_mm, material, "
          + "laying, pressure_mpa, pressure_class, voltage_kv, cable_count, total_holes, used_holes, flow_dir, owner, "
          + "build_year, road_name, status, survey_unit, survey_date, geom");

  /** The changed_by of every generated row. */
  public static final String CHANGED_BY = "sample-generator";

  private final String table;
  private final String columns;

  SampleTable(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  /** The table name. */
  public String table() {
    return table;
  }

  /** The COPY column list. */
  public String columns() {
    return columns;
  }

  /** True for the versioned feature tables (all but organization). */
  public boolean feature() {
    return this != ORGANIZATION;
  }

  /** The feature tables. */
  public static List<SampleTable> features() {
    return List.of(values()).subList(1, values().length);
  }

  /**
   * Streams the table's rows as COPY text.
   *
   * @param perEdge called after each edge of the network tables (for progress)
   * @return the number of rows written
   */
  public long write(SampleGenerator sample, Appendable out, Runnable perEdge) {
    CopyLine line = new CopyLine();
    long[] rows = {0};
    Consumer<CopyLine> emit =
        l -> {
          try {
            l.writeTo(out);
            rows[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    switch (this) {
      case ORGANIZATION ->
          sample
              .organizations()
              .forEach(
                  o ->
                      emit.accept(
                          line.reset()
                              .text(o.code())
                              .text(o.name())
                              .text(o.nameEn())
                              .text(o.kind())
                              .array(o.networks())));
      case ROAD ->
          sample.roads(
              r ->
                  emit.accept(
                      feature(line, r.fid(), r.validFrom())
                          .text(r.road().name())
                          .text(r.road().roadClass().column())
                          .number(r.road().redLineWidthM())
                          .number(r.road().carriagewayWidthM())
                          .geometry(b -> Ewkb.lineStringZ(b, r.centreline()))
                          .geometry(b -> Ewkb.multiPolygonZ(b, r.redLine()))));
      case ZONING_PARCEL -> sample.parcels(z -> emit.accept(parcel(line, z)));
      case BUILDING ->
          sample.buildings(
              b ->
                  emit.accept(
                      feature(line, b.fid(), b.validFrom())
                          .text(b.code())
                          .text(b.use())
                          .number(b.floors())
                          .number(b.heightM())
                          .text(b.parcelCode())
                          .number(b.validFrom().getYear())
                          .text("existing")
                          .geometry(g -> Ewkb.multiPolygonZ(g, b.ring()))));
      case DISTRICT ->
          sample.districts(
              d ->
                  emit.accept(
                      feature(line, d.fid(), d.validFrom())
                          .text(d.code())
                          .text(d.name())
                          .text(d.nameEn())
                          .geometry(b -> Ewkb.multiPolygonZ(b, d.ring()))));
      case CONSTRUCTION_PROJECT ->
          sample.projects(
              p ->
                  emit.accept(
                      feature(line, p.fid(), p.plannedStart())
                          .text(p.code())
                          .text(p.name())
                          .text(p.owner())
                          .text(p.kind())
                          .array(p.networks())
                          .number(p.trenchDepthM())
                          .date(p.plannedStart())
                          .date(p.plannedEnd())
                          .text(p.status())
                          .geometry(b -> Ewkb.multiPolygonZ(b, p.corridor()))));
      case BASE_STATION ->
          sample.baseStations(
              s ->
                  emit.accept(
                      feature(line, s.fid(), s.validFrom())
                          .text(s.siteCode())
                          .text(s.siteName())
                          .text(s.areaType())
                          .text(s.address())
                          .text(s.towerType())
                          .number(s.towerHeightM())
                          .number(s.platformCount())
                          .number(s.position().z())
                          .text(s.sharingStatus())
                          .array(s.tenants())
                          .text(s.owner())
                          .number(s.buildYear())
                          .text(s.status())
                          .geometry(b -> Ewkb.pointZ(b, s.position()))));
      case ANTENNA_SECTOR ->
          sample.sectors(
              s ->
                  emit.accept(
                      feature(line, s.fid(), s.validFrom())
                          .text(s.siteCode())
                          .number(s.sectorNo())
                          .text(s.operator())
                          .text(s.technology())
                          .text(s.band())
                          .number(s.frequencyMhz())
                          .number(s.azimuthDeg())
                          .number(s.mechTiltDeg())
                          .number(s.elecTiltDeg())
                          .number(s.antennaHeightM())
                          .number(s.hBeamwidthDeg())
                          .number(s.vBeamwidthDeg())
                          .number(s.gainDbi())
                          .number(s.eirpDbm())
                          .text(s.status())
                          .geometry(b -> Ewkb.pointZ(b, s.position()))));
      case WLAN_AP ->
          sample.accessPoints(
              a ->
                  emit.accept(
                      feature(line, a.fid(), a.validFrom())
                          .text(a.code())
                          .text(a.ssid())
                          .text(a.operator())
                          .text(a.band())
                          .number(a.mountHeightM())
                          .number(a.eirpDbm())
                          .text(a.placement())
                          .text("in_use")
                          .geometry(b -> Ewkb.pointZ(b, a.position()))));
      case POWER_TOWER ->
          sample.powerTowers(
              t ->
                  emit.accept(
                      feature(line, t.fid(), t.validFrom())
                          .text(t.code())
                          .text(t.lineName())
                          .number(t.voltageKv())
                          .number(t.heightM())
                          .text(t.owner())
                          .number(t.validFrom().getYear())
                          .text("in_use")
                          .geometry(b -> Ewkb.multiPolygonZ(b, t.foundation()))));
      case STREET_TREE ->
          sample.streetTrees(
              t ->
                  emit.accept(
                      feature(line, t.fid(), t.validFrom())
                          .text(t.code())
                          .text(t.species())
                          .text(t.speciesLatin())
                          .text("tree")
                          .number(t.diameterCm())
                          .number(t.validFrom().getYear())
                          .text(t.roadName())
                          .text("in_place")
                          .geometry(b -> Ewkb.pointZ(b, t.position()))));
      case PIPE_POINT -> sample.points(p -> emit.accept(point(line, p)), perEdge);
      case PIPE_SEGMENT -> sample.segments(s -> emit.accept(segment(line, s)), perEdge);
    }
    return rows[0];
  }

  private static CopyLine feature(CopyLine line, long fid, java.time.LocalDate validFrom) {
    return line.reset().number(fid).midnight(validFrom).text(CHANGED_BY);
  }

  private static CopyLine parcel(CopyLine line, ZoningParcel z) {
    Parcel p = z.parcel();
    return feature(line, z.fid(), p.approval())
        .text(p.code())
        .text(p.use().code())
        .text(p.use().nameZh())
        .number(Math.round(p.areaM2() * 10) / 10.0)
        .number(p.far())
        .number(p.coveragePct())
        .number(p.greenPct())
        .number(p.heightLimitM())
        .text(Parcel.PLAN_NAME)
        .date(p.approval())
        .geometry(b -> Ewkb.multiPolygonZ(b, z.ring()));
  }

  private static CopyLine point(CopyLine line, PipePoint p) {
    boolean well = p.wellDepthM() != null;
    String cover = !well ? null : p.band() == Band.TX || p.band() == Band.DL ? "1200×800" : "Φ700";
    return feature(line, p.fid(), p.validFrom())
        .text(p.band().network())
        .text(p.subtype())
        .text(p.expNo())
        .text(p.expNo())
        .text(p.kind().appurtenance() ? null : p.kind().nameZh())
        .text(p.kind().appurtenance() ? p.kind().nameZh() : null)
        .text(p.featureCode())
        .number(p.groundElevM())
        .number(p.depthM())
        .number(p.wellDepthM())
        .text(cover)
        .text(well ? "球墨铸铁" : null)
        .number(p.rotationDeg())
        .bool(p.operable())
        .text(p.owner())
        .text(p.roadName())
        .text("in_use")
        .text(Organization.SURVEY_UNIT)
        .date(p.surveyDate())
        .geometry(b -> Ewkb.pointZ(b, p.position()));
  }

  private static CopyLine segment(CopyLine line, PipeSegment s) {
    PipeSpec spec = s.spec();
    return feature(line, s.fid(), s.validFrom())
        .text(s.band().network())
        .text(s.subtype())
        .text(s.featureCode())
        .text(s.lineNo())
        .text(s.startPoint())
        .text(s.endPoint())
        .number(s.startDepthM())
        .number(s.endDepthM())
        .number(s.start().z())
        .number(s.end().z())
        .text(s.band().depthRef())
        .number(spec.dnMm())
        .number(spec.widthMm())
        .number(spec.heightMm())
        .text(spec.material())
        .text(s.laying())
        .number(s.pressureMpa())
        .text(spec.pressureClass())
        .number(s.voltageKv())
        .number(s.cableCount())
        .number(s.totalHoles())
        .number(s.usedHoles())
        .text(s.flowDir())
        .text(s.owner())
        .number(s.buildYear())
        .text(s.roadName())
        .text("in_use")
        .text(Organization.SURVEY_UNIT)
        .date(s.surveyDate())
        .geometry(b -> Ewkb.lineStringZ(b, List.of(s.start(), s.end())));
  }
}
