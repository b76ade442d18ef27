package cn.lzxq.city.data.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrsRefTest {

  @ParameterizedTest
  @CsvSource({
    "EPSG:4490, 4490, false, NORTH_EAST",
    "urn:ogc:def:crs:EPSG::4490, 4490, false, NORTH_EAST",
    "urn:x-ogc:def:crs:EPSG:4326, 4326, false, NORTH_EAST",
    "http://www.opengis.net/def/crs/EPSG/0/4544, 4544, false, NORTH_EAST",
    "http://www.opengis.net/gml/srs/epsg.xml#4523, 4523, false, NORTH_EAST",
    "EPSG:3857, 3857, false, EAST_NORTH",
    "EPSG:900913, 3857, false, EAST_NORTH",
    "CRS:84, 4326, true, EAST_NORTH",
    "urn:ogc:def:crs:OGC:1.3:CRS84, 4326, true, EAST_NORTH",
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84, 4326, true, EAST_NORTH",
    "epsg:4545, 4545, false, NORTH_EAST"
  })
  void parsesEveryFormClientsSendWithTheAuthorityAxisOrder(
      String text, int srid, boolean crs84, AxisOrder order) {
    CrsRef crs = CrsRef.parse(text);

    assertThat(crs.srid()).isEqualTo(srid);
    assertThat(crs.crs84()).isEqualTo(crs84);
    assertThat(crs.axisOrder()).isEqualTo(order);
  }

  @ParameterizedTest
  @CsvSource({"EPSG:", "4490", "EPSG:abc", "urn:ogc:def:crs:EPSG::4490;DROP TABLE road", "''"})
  void rejectsWhatIsNotACrs(String text) {
    assertThatThrownBy(() -> CrsRef.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
