package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.job.Job;
import cn.lzxq.city.data.job.JobStatus;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of OGC API - Processes - Part 1: Core 1.0 (OGC 18-062r2): process list,
 * process description, statusInfo and job list. {@code base} is the /ogcapi URL of the request.
 */
final class ProcessDocuments {

  static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProcessDocuments() {}

  static ObjectNode processList(String base, List<AnalysisProcess> processes) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode list = n.putArray("processes");
    processes.forEach(p -> list.add(summary(base, p)));
    link(n.putArray("links"), base + "/processes", "self", "application/json", "the processes");
    return n;
  }

  static ObjectNode description(String base, AnalysisProcess p) {
    ObjectNode n = summary(base, p);
    ObjectNode inputs = n.putObject("inputs");
    for (String name : p.inputs().stream().sorted().toList()) {
      inputs.set(name, input(name));
    }
    ObjectNode out = n.putObject("outputs").putObject("result");
    out.put(
        "title",
        "GeoJSON FeatureCollection of the findings (also text/csv and XLSX from the results endpoint)");
    ArrayNode formats = out.putObject("schema").putArray("oneOf");
    formats.addObject().put("type", "object").put("contentMediaType", "application/geo+json");
    formats.addObject().put("type", "string").put("contentMediaType", "text/csv");
    formats
        .addObject()
        .put("type", "string")
        .put("contentEncoding", "binary")
        .put("contentMediaType", XlsxEncoder.MEDIA_TYPE);
    return n;
  }

  private static ObjectNode summary(String base, AnalysisProcess p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", p.id());
    n.put("title", p.titleZh() + " / " + p.titleEn());
    n.put("description", p.description());
    n.put("version", "1.0.0");
    n.putArray("jobControlOptions").add("async-execute").add("dismiss");
    n.putArray("outputTransmission").add("value");
    ArrayNode links = n.putArray("links");
    link(links, base + "/processes/" + p.id(), "self", "application/json", "process description");
    link(
        links,
        base + "/processes/" + p.id() + "/execution",
        REL + "execute",
        "application/json",
        "execute as a job");
    return n;
  }

  private static ObjectNode input(String name) {
    ObjectNode i = JSON.createObjectNode();
    i.put("minOccurs", 0).put("maxOccurs", 1);
    ObjectNode schema = i.putObject("schema");
    switch (name) {
      case "bbox" -> {
        i.put(
            "title",
            "area: minx, miny, maxx, maxy in the axis order of its CRS (default CRS84); none = the whole city");
        schema.put("type", "object").putArray("required").add("bbox");
        ObjectNode props = schema.putObject("properties");
        props
            .putObject("bbox")
            .put("type", "array")
            .put("minItems", 4)
            .put("maxItems", 4)
            .putObject("items")
            .put("type", "number");
        props.putObject("crs").put("type", "string").put("format", "uri");
      }
      case "cellSize" -> {
        i.put("title", "coverage grid cell, metres (10-100; default 25)");
        schema.put("type", "number").put("minimum", 10).put("maximum", 100);
      }
      case "radius" -> {
        i.put("title", "how far a sector's signal is computed, metres (500-5000; default 2000)");
        schema.put("type", "number").put("minimum", 500).put("maximum", 5000);
      }
      case "load" -> {
        i.put("title", "cell load of the interfering cells, 0-1 (default 0.5)");
        schema.put("type", "number").put("minimum", 0).put("maximum", 1);
      }
      case "noiseFigure" -> {
        i.put("title", "receiver noise figure, dB (0-20; default 9)");
        schema.put("type", "number").put("minimum", 0).put("maximum", 20);
      }
      case "terrain" -> {
        i.put("title", "line of sight against the DEM (default true)");
        schema.put("type", "boolean");
      }
      case "minHoleArea" -> {
        i.put("title", "least area of a reported coverage hole, m² (default 2500)");
        schema.put("type", "number").put("minimum", 0).put("maximum", 10000000);
      }
      case "mode" -> {
        i.put(
            "title",
            "update: around the sectors edited since the last run (default); whole: afresh");
        schema.put("type", "string").putArray("enum").add("update").add("whole");
      }
      case "frostDepth" -> {
        i.put("title", "frost depth, metres (0-5; default the analysis setting)");
        schema.put("type", "number").put("minimum", 0).put("maximum", 5);
      }
      case "asOf" -> {
        i.put("title", "the time the network is read at (ISO 8601 date or instant; default now)");
        schema.put("type", "string");
      }
      default -> {
        i.put(
            "title",
            switch (name) {
              case "bbox-crs" -> "CRS of a bbox given as text or array";
              case "road" -> "road name: its red line is the area";
              case "project" -> "construction project code: its corridor is the area";
              case "owner" -> "owner (organization code)";
              case "network" -> "network: JS PS RQ RL DL TX";
              default -> name;
            });
        schema.put("type", "string");
      }
    }
    return i;
  }

  static ObjectNode statusInfo(String base, Job job) {
    ObjectNode n = JSON.createObjectNode();
    n.put("processID", job.kind());
    n.put("type", "process");
    n.put("jobID", job.id().toString());
    n.put("status", job.status().code());
    if (job.message() != null) {
      n.put("message", job.message());
    }
    time(n, "created", job.created());
    time(n, "started", job.started());
    time(n, "finished", job.finished());
    time(n, "updated", job.updated());
    n.put("progress", job.progress());
    ArrayNode links = n.putArray("links");
    String self = base + "/jobs/" + job.id();
    link(links, self, "self", "application/json", "job status");
    if (job.status() == JobStatus.SUCCESSFUL) {
      link(
          links,
          self + "/results?f=geojson",
          REL + "results",
          "application/geo+json",
          "results as GeoJSON");
      link(links, self + "/results?f=csv", REL + "results", "text/csv", "results as CSV");
      link(
          links,
          self + "/results?f=xlsx",
          REL + "results",
          XlsxEncoder.MEDIA_TYPE,
          "results as XLSX");
    }
    return n;
  }

  static ObjectNode jobList(String base, List<Job> jobs) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode list = n.putArray("jobs");
    jobs.forEach(j -> list.add(statusInfo(base, j)));
    link(n.putArray("links"), base + "/jobs", "self", "application/json", "the jobs");
    return n;
  }

  private static void time(ObjectNode n, String name, Instant t) {
    if (t != null) {
      n.put(name, t.toString());
    }
  }

  static void link(ArrayNode links, String href, String rel, String type, String title) {
    links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
  }
}
