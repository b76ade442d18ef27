import cn.lzxq.city.tiles.check.BoundsReport;
import cn.lzxq.city.tiles.check.ContentBoundsChecker;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that every glb of an exported tileset lies inside its tile's bounding region (1 mm
 * tolerance), with the tiles module's {@link ContentBoundsChecker}. Usage (from the repository root,
 * after {@code mvn -pl tiles dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}):
 * {@code java -cp tiles/target/classes:$(cat /tmp/cp.txt) bench/tiles/CheckBounds.java EXPORT_DIR}.
 * Content paths are {@code <content>/<level>/<x>/<y>.glb}. Prints the counts (contents without
 * geometry, the placeholders of tiles whose features were all cut away, are counted apart); exit
 * code 1 if any content has a vertex outside.
 */
public class CheckBounds {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("tileset.json"))).get("root");
        JsonNode r = root.at("/boundingVolume/region");
        ImplicitQuadtree tree = new ImplicitQuadtree(new Region(r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(),
            r.get(3).asDouble(), r.get(4).asDouble(), r.get(5).asDouble()),
            root.at("/implicitTiling/availableLevels").asInt(), root.at("/implicitTiling/subtreeLevels").asInt());
        long files = 0, vertices = 0, bad = 0, empty = 0;
        List<Path> glbs;
        try (Stream<Path> s = Files.walk(dir)) {
            glbs = s.filter(p -> p.toString().endsWith(".glb")).sorted().toList();
        }
        for (Path p : glbs) {
            int n = p.getNameCount();
            TileCoord t = new TileCoord(Integer.parseInt(p.getName(n - 3).toString()), Long.parseLong(p.getName(n - 2).toString()),
                Long.parseLong(p.getName(n - 1).toString().replace(".glb", "")));
            BoundsReport report = new ContentBoundsChecker(tree.regionOf(t), Matrix4.IDENTITY, 0.001).check(Files.readAllBytes(p));
            files++;
            vertices += report.vertices();
            if (report.vertices() == 0) {
                empty++;
            } else if (!report.ok()) {
                bad++;
                System.out.println("outside: " + dir.relativize(p) + " " + report);
            }
        }
        System.out.printf("%d glb (%d without geometry), %d vertices checked, %d contents with vertices outside their tile%n",
            files, empty, vertices, bad);
        System.exit(bad == 0 ? 0 : 1);
    }
}
