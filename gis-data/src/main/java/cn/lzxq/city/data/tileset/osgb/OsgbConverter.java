package cn.lzxq.city.data.tileset.osgb;

import cn.lzxq.city.data.tileset.TilesetImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts an OSGB oblique-photogrammetry folder (ContextCapture's {@code Data/Tile_*}/{@code
 * Tile_*.osgb} with their PagedLOD child files, or {@code .osgb} files at its top) into a 3D Tiles
 * 1.1 folder in the same local frame (metres, z up), through OpenSceneGraph's {@code osgconv}: each
 * reachable {@code .osgb} file becomes a tile whose content is its own geometry (via OBJ + MTL +
 * images, {@link ObjToGlb}) and whose children are the files its PagedLOD nodes page in. A tile's
 * geometric error is the error at which Cesium (refining at 16 px) switches where OSG would: {@code
 * 2r·16/R} for a switch at R pixels of screen size ({@code PIXEL_SIZE_ON_SCREEN}), {@code 16·D/693}
 * for one at distance D (a 1080 px high view of 60°); leaves 0. The folder is then registered like
 * any tileset (with {@code --origin} for its frame).
 */
public final class OsgbConverter {

  static final int MAX_FILES = 100_000;
  private static final long TIMEOUT_S = 120;
  private static final Pattern PAGED = Pattern.compile("osg::PagedLOD \\{");
  private static final Pattern CENTRE = Pattern.compile("UserCenter (\\S+) (\\S+) (\\S+) (\\S+)");
  private static final Pattern MODE = Pattern.compile("RangeMode (\\S+)");
  private static final Pattern RANGES = Pattern.compile("RangeList \\d+ \\{([^}]*)\\}");
  private static final Pattern FILES = Pattern.compile("RangeDataList \\d+ \\{([^}]*)\\}");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A child file a PagedLOD pages in, and the error at which its parent switches to it. */
  private record Child(String path, double parentError) {}

  /** A converted file: its bounding sphere (x, y, z, r), content URI (or null) and children. */
  private record Node(double[] sphere, String content, List<Child> children) {}

  private OsgbConverter() {}

  /** Converts {@code dir} into {@code out} (tileset.json and glb files). */
  public static void convert(Path dir, Path out) throws TilesetImportException, IOException {
    List<String> roots = roots(dir);
    if (roots.isEmpty()) {
      throw new TilesetImportException(
          dir + ": no .osgb files (Data/Tile_*/Tile_*.osgb or at its top)");
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(roots);
    List<String> problems = new ArrayList<>();
    Path work = Files.createDirectories(out.resolve(".work"));
    while (!queue.isEmpty()) {
      String f = queue.poll();
      if (nodes.containsKey(f)) {
        continue;
      }
      if (nodes.size() >= MAX_FILES) {
        throw new TilesetImportException(dir + ": more than " + MAX_FILES + " .osgb files");
      }
      if (!Files.isRegularFile(dir.resolve(f))) {
        problems.add(f + ": no such file (paged in by another .osgb)");
        nodes.put(f, null);
        continue;
      }
      Node n = convertFile(dir, f, out, work.resolve(String.valueOf(nodes.size())), problems);
      nodes.put(f, n);
      if (n != null) {
        n.children().forEach(c -> queue.add(c.path()));
      }
    }
    if (!problems.isEmpty()) {
      throw new TilesetImportException(problems);
    }
    deleteTree(work);
    ObjectNode tileset = JSON.createObjectNode();
    tileset.putObject("asset").put("version", "1.1").put("generator", "lzxq-city osgb import");
    ObjectNode root = tileset.putObject("root");
    List<ObjectNode> tops = new ArrayList<>();
    double top = 0;
    for (String r : roots) {
      Node n = nodes.get(r);
      double error = 2 * n.sphere()[3];
      tops.add(tile(nodes, r, error, new java.util.HashSet<>()));
      top = Math.max(top, error);
    }
    root.set(
        "boundingVolume", sphere(union(roots.stream().map(r -> nodes.get(r).sphere()).toList())));
    root.put("geometricError", top).put("refine", "REPLACE");
    ArrayNode children = root.putArray("children");
    tops.forEach(children::add);
    tileset.put("geometricError", top);
    Files.write(out.resolve("tileset.json"), JSON.writeValueAsBytes(tileset));
  }

  /** The tile of a file and its descendants ({@code above}: the files on the path, no cycles). */
  private static ObjectNode tile(
      Map<String, Node> nodes, String path, double maxError, java.util.Set<String> above) {
    Node n = nodes.get(path);
    above.add(path);
    double error = 0;
    for (Child c : n.children()) {
      error = Math.max(error, c.parentError());
    }
    error = Math.min(error, maxError);
    ObjectNode t = JSON.createObjectNode();
    t.set("boundingVolume", sphere(n.sphere()));
    t.put("geometricError", error).put("refine", "REPLACE");
    if (n.content() != null) {
      t.putObject("content").put("uri", n.content());
    }
    if (!n.children().isEmpty()) {
      ArrayNode kids = t.putArray("children");
      for (Child c : n.children()) {
        if (!above.contains(c.path())) {
          kids.add(tile(nodes, c.path(), error, above));
        }
      }
    }
    above.remove(path);
    return t;
  }

  /** One .osgb: its PagedLOD structure from the .osgt text, its geometry from the OBJ. */
  private static Node convertFile(Path dir, String f, Path out, Path tmp, List<String> problems)
      throws IOException {
    Files.createDirectories(tmp);
    Path src = dir.resolve(f).toAbsolutePath();
    String failure = osgconv(tmp, "-O", "WriteImageHint=WriteOut", src.toString(), "file.osgt");
    if (failure == null) {
      failure = osgconv(tmp, src.toString(), "file.obj");
    }
    if (failure != null) {
      problems.add(f + ": osgconv cannot convert it (" + failure + ")");
      return null;
    }
    String parent = f.contains("/") ? f.substring(0, f.lastIndexOf('/') + 1) : "";
    List<Child> children = new ArrayList<>();
    double[] sphere = null;
    String text = Files.readString(tmp.resolve("file.osgt"), StandardCharsets.UTF_8);
    String[] paged = PAGED.split(text);
    for (int i = 1; i < paged.length; i++) {
      String p = paged[i];
      Matcher c = CENTRE.matcher(p);
      Matcher ranges = RANGES.matcher(p);
      Matcher files = FILES.matcher(p);
      if (!c.find() || !ranges.find() || !files.find()) {
        continue;
      }
      double[] s = {d(c.group(1)), d(c.group(2)), d(c.group(3)), d(c.group(4))};
      sphere = sphere == null ? s : union(List.of(sphere, s));
      Matcher mode = MODE.matcher(p);
      boolean pixels = mode.find() && mode.group(1).equals("PIXEL_SIZE_ON_SCREEN");
      String[] bounds = ranges.group(1).trim().split("\\s+");
      Matcher names = QUOTED.matcher(files.group(1));
      for (int k = 0; names.find(); k++) {
        String name = names.group(1);
        if (name.isEmpty() || 2 * k + 1 >= bounds.length) {
          continue;
        }
        double min = d(bounds[2 * k]);
        double max = d(bounds[2 * k + 1]);
        double error = pixels ? 2 * s[3] * 16 / Math.max(min, 1) : 16 * max / 693;
        children.add(
            new Child(Path.of(parent + name).normalize().toString().replace('\\', '/'), error));
      }
    }
    ObjToGlb.Mesh mesh = ObjToGlb.read(tmp.resolve("file.obj"));
    String content = null;
    if (!mesh.isEmpty()) {
      content = f.substring(0, f.length() - ".osgb".length()) + ".glb";
      Path glb = out.resolve(content);
      Files.createDirectories(glb.getParent() == null ? out : glb.getParent());
      Files.write(glb, ObjToGlb.glb(mesh));
      double[] box = {
        (mesh.min[0] + mesh.max[0]) / 2,
        (mesh.min[1] + mesh.max[1]) / 2,
        (mesh.min[2] + mesh.max[2]) / 2,
        Math.hypot(
                Math.hypot(mesh.max[0] - mesh.min[0], mesh.max[1] - mesh.min[1]),
                mesh.max[2] - mesh.min[2])
            / 2
      };
      sphere = sphere == null ? box : union(List.of(sphere, box));
    }
    if (sphere == null) {
      problems.add(f + ": neither geometry nor a PagedLOD");
      return null;
    }
    return new Node(sphere, content, children);
  }

  /** The .osgb files to start from: Data/X/X.osgb, else every .osgb at the top. */
  private static List<String> roots(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    Path data = dir.resolve("Data");
    if (Files.isDirectory(data)) {
      try (Stream<Path> tiles = Files.list(data)) {
        for (Path t : tiles.sorted().toList()) {
          String name = t.getFileName().toString();
          if (Files.isRegularFile(t.resolve(name + ".osgb"))) {
            out.add("Data/" + name + "/" + name + ".osgb");
          }
        }
      }
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".osgb"))
          .sorted()
          .forEach(p -> out.add(p.getFileName().toString()));
    }
    return out;
  }

  /** Runs osgconv in {@code cwd}; returns null, or the failure. */
  private static String osgconv(Path cwd, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("osgconv"));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return "osgconv is not installed (Debian package openscenegraph)";
    }
    try {
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "no answer within " + TIMEOUT_S + " s";
      }
      String text = new String(output, StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 && !text.contains("failed to load")
          ? null
          : text.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return "interrupted";
    }
  }

  private static ObjectNode sphere(double[] s) {
    ObjectNode v = JSON.createObjectNode();
    ArrayNode a = v.putArray("sphere");
    for (double x : s) {
      a.add(x);
    }
    return v;
  }

  /** The smallest sphere around the centres' bounding box holding every sphere. */
  private static double[] union(List<double[]> spheres) {
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] s : spheres) {
      for (int k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k], s[k]);
        hi[k] = Math.max(hi[k], s[k]);
      }
    }
    double[] c = {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2};
    double r = 0;
    for (double[] s : spheres) {
      r =
          Math.max(
              r,
              Math.sqrt(
                      Math.pow(s[0] - c[0], 2)
                          + Math.pow(s[1] - c[1], 2)
                          + Math.pow(s[2] - c[2], 2))
                  + s[3]);
    }
    return new double[] {c[0], c[1], c[2], r};
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
