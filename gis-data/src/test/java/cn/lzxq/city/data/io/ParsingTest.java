package cn.lzxq.city.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.io.cjj61.Cjj61Field;
import cn.lzxq.city.data.io.cjj61.FeatureCode;
import cn.lzxq.city.data.io.cjj61.HeaderMap;
import cn.lzxq.city.data.io.cjj61.PipeSize;
import cn.lzxq.city.data.io.gpkg.GpkgGeometry;
import cn.lzxq.city.data.io.table.CharsetDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The parsing pieces that need no database. */
class ParsingTest {

  @TempDir Path tmp;

  @Test
  void headerSynonymsInChineseAndEnglishMapToOneField() {
    HeaderMap zh = HeaderMap.of(List.of("\uFEFF起点点号", "终点点号", "管径（mm）", "起点埋深(m)"));
    HeaderMap en = HeaderMap.of(List.of("S_Point", "e point", "D_S", "s_depth", "colour"));

    assertThat(zh.kind()).isEqualTo(HeaderMap.Kind.SEGMENTS);
    assertThat(zh.columns())
        .containsEntry(Cjj61Field.SIZE, 2)
        .containsEntry(Cjj61Field.START_DEPTH, 3);
    assertThat(zh.header(Cjj61Field.SIZE)).isEqualTo("管径（mm）");
    assertThat(en.columns())
        .containsEntry(Cjj61Field.START_POINT, 0)
        .containsEntry(Cjj61Field.END_POINT, 1)
        .containsEntry(Cjj61Field.SIZE, 2)
        .containsEntry(Cjj61Field.START_DEPTH, 3);
    assertThat(en.unknown()).containsExactly("colour");
    assertThat(HeaderMap.of(List.of("exp_no", "X", "Y")).kind()).isEqualTo(HeaderMap.Kind.POINTS);
  }

  @Test
  void pipeSizesAreDnOrWidthByHeightInMillimetres() {
    assertThat(PipeSize.parse("DN300")).isEqualTo(new PipeSize(300, null, null));
    assertThat(PipeSize.parse("Φ150")).isEqualTo(new PipeSize(150, null, null));
    assertThat(PipeSize.parse("800×600")).isEqualTo(new PipeSize(null, 800, 600));
    assertThat(PipeSize.parse("800X600")).isEqualTo(new PipeSize(null, 800, 600));
    assertThat(PipeSize.parse("1000*800mm")).isEqualTo(new PipeSize(null, 1000, 800));
    assertThat(PipeSize.parse("big")).isNull();
    assertThat(PipeSize.parse("DN6000").inRange()).isFalse();
  }

  @Test
  void featureCodesFollowAppendixF() {
    assertThat(FeatureCode.parse("51042204")).isEqualTo(new FeatureCode("51042204", 1, "04", 2, 2));
    assertThat(FeatureCode.parse("52011000").featureType()).isEqualTo(1);
    assertThat(FeatureCode.parse("59042204")).isNull();
    assertThat(FeatureCode.parse("5104220")).isNull();
  }

  @Test
  void encodingIsUtf8WhenTheWholeFileDecodesElseGb18030() throws Exception {
    Path utf8 =
        Files.writeString(
            tmp.resolve("a.csv"), "x".repeat(100_000) + "物探点号", StandardCharsets.UTF_8);
    Path gbk = Files.write(tmp.resolve("b.csv"), ("x".repeat(100_000) + "物探点号").getBytes("GBK"));

    assertThat(CharsetDetector.detect(utf8)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CharsetDetector.detect(gbk)).isEqualTo(CharsetDetector.GB18030);
  }

  @Test
  void geoPackageGeometryKeepsZAndItsEnvelope() throws Exception {
    Geometry line =
        new WKTReader()
            .read("LINESTRING Z (383528.62 4041810.525 1949.1, 383548.62 4041850.525 1949.2)");

    GpkgGeometry.Encoded encoded = GpkgGeometry.encode(new WKBWriter(3).write(line), 4544);
    Geometry back = GpkgGeometry.decode(encoded.blob());

    assertThat(new String(encoded.blob(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("GP");
    assertThat(encoded.blob()[3]).isEqualTo((byte) 0b0101);
    assertThat(encoded.blob()).hasSize(8 + 48 + 5 + 4 + 2 * 24);
    assertThat(back.equalsExact(line)).isTrue();
    assertThat(back.getCoordinates()[1].getZ()).isEqualTo(1949.2);
  }

  @Test
  void asOfDatesAreLanzhouMidnight() {
    assertThat(AsOf.parse("2020-01-01")).isEqualTo(Instant.parse("2019-12-31T16:00:00Z"));
    assertThat(AsOf.parse("2020-01-01T08:00")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(AsOf.parse("2020-01-01T00:00:00Z")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
  }
}
