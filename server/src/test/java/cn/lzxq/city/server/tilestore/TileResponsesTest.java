package cn.lzxq.city.server.tilestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one tile answer against RFC 9110's own examples: the weak/strong comparison table of
 * §8.8.3.2, the If-None-Match examples of §13.1.2, the Accept-Encoding examples of §12.5.3, and the
 * 304 headers of §15.4.5. The protocols' HTTP tests (MapTilesTest, Tiles3dApiTest, TerrainApiTest)
 * prove each endpoint answers through it.
 */
class TileResponsesTest {

  private static final CacheEntry TILE = new CacheEntry(bytes(2048), 7);
  private static final MediaType MVT =
      MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

  @Test
  void ifNoneMatchUsesTheWeakComparisonOfRfc9110Table3() {
    // §8.8.3.2: W/"1" vs W/"1" weak match; W/"1" vs W/"2" none; W/"1" vs "1" weak match;
    // "1" vs "1" match — If-None-Match uses the weak comparison (§13.1.2)
    assertThat(TileResponses.noneMatchFails("W/\"1\"", "W/\"1\"")).isTrue();
    assertThat(TileResponses.noneMatchFails("W/\"1\"", "W/\"2\"")).isFalse();
    assertThat(TileResponses.noneMatchFails("W/\"1\"", "\"1\"")).isTrue();
    assertThat(TileResponses.noneMatchFails("\"1\"", "W/\"1\"")).isTrue();
    assertThat(TileResponses.noneMatchFails("\"1\"", "\"1\"")).isTrue();
    assertThat(TileResponses.noneMatchFails("\"1\"", "\"2\"")).isFalse();
  }

  @Test
  void ifNoneMatchReadsTheListsAndStarOfRfc9110Section13() {
    String xyzzy = "\"xyzzy\"";
    assertThat(TileResponses.noneMatchFails("\"xyzzy\"", xyzzy)).isTrue();
    assertThat(TileResponses.noneMatchFails("W/\"xyzzy\"", xyzzy)).isTrue();
    assertThat(
            TileResponses.noneMatchFails("\"xyzzy\", \"r2d2xxxx\", \"c3piozzzz\"", "\"c3piozzzz\""))
        .isTrue();
    assertThat(
            TileResponses.noneMatchFails(
                "W/\"xyzzy\", W/\"r2d2xxxx\", W/\"c3piozzzz\"", "\"r2d2xxxx\""))
        .isTrue();
    assertThat(TileResponses.noneMatchFails("*", xyzzy)).isTrue();
    // a tag that only contains ours, or that ours contains, is another tag
    assertThat(TileResponses.noneMatchFails("\"xyzzy-gz\"", xyzzy)).isFalse();
    assertThat(TileResponses.noneMatchFails("\"xyzz\", \"yzzy\"", xyzzy)).isFalse();
    // no field, an empty one, or one that is not a list of entity tags: no match
    assertThat(TileResponses.noneMatchFails("", xyzzy)).isFalse();
    assertThat(TileResponses.noneMatchFails("xyzzy", xyzzy)).isFalse();
    assertThat(TileResponses.noneMatchFails("\"xyzzy", xyzzy)).isFalse();
  }

  @Test
  void gzipIsAcceptedAsRfc9110Section12Says() {
    assertThat(TileResponses.acceptsGzip("compress, gzip")).isTrue();
    assertThat(TileResponses.acceptsGzip("")).isFalse();
    assertThat(TileResponses.acceptsGzip("*")).isTrue();
    assertThat(TileResponses.acceptsGzip("compress;q=0.5, gzip;q=1.0")).isTrue();
    assertThat(TileResponses.acceptsGzip("gzip;q=1.0, identity; q=0.5, *;q=0")).isTrue();
    // q=0 means "not acceptable" (§12.4.2); x-gzip is gzip (§8.4.1.3)
    assertThat(TileResponses.acceptsGzip("gzip;q=0, deflate")).isFalse();
    assertThat(TileResponses.acceptsGzip("br, *;q=0")).isFalse();
    assertThat(TileResponses.acceptsGzip("x-gzip")).isTrue();
    assertThat(TileResponses.acceptsGzip("br, deflate")).isFalse();
  }

  @Test
  void aMatchAnswers304WithTheHeadersOfThe200AndNoBody() {
    ResponseEntity<byte[]> full = answer(MVT, "Accept-Encoding", "gzip, deflate, br");
    assertThat(full.getStatusCode().value()).isEqualTo(200);
    assertThat(full.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
    assertThat(full.getHeaders().getETag()).isEqualTo(TILE.gzipEtag());
    assertThat(full.getHeaders().getVary()).containsExactly("Accept-Encoding");

    ResponseEntity<byte[]> again =
        answer(MVT, "Accept-Encoding", "gzip", "If-None-Match", "W/" + TILE.gzipEtag());
    assertThat(again.getStatusCode().value()).isEqualTo(304);
    assertThat(again.getBody()).isNull();
    assertThat(again.getHeaders().getETag()).isEqualTo(TILE.gzipEtag());
    assertThat(again.getHeaders().getVary()).containsExactly("Accept-Encoding");
    assertThat(again.getHeaders().getCacheControl()).isEqualTo(full.getHeaders().getCacheControl());
  }

  @Test
  void onlyTheSelectedRepresentationsTagMatches() throws Exception {
    // a client that no longer accepts gzip gets the identity body for the gzip tag it holds
    ResponseEntity<byte[]> identity = answer(MVT, "If-None-Match", TILE.gzipEtag());
    assertThat(identity.getStatusCode().value()).isEqualTo(200);
    assertThat(identity.getBody()).isEqualTo(TILE.bytes());
    assertThat(identity.getHeaders().getETag()).isEqualTo(TILE.etag());
    ResponseEntity<byte[]> gzip =
        answer(MVT, "Accept-Encoding", "gzip", "If-None-Match", TILE.etag());
    assertThat(gzip.getStatusCode().value()).isEqualTo(200);
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.getBody())).readAllBytes())
        .isEqualTo(TILE.bytes());
    // the field over two lines is one list (§5.3)
    HttpHeaders twoLines = new HttpHeaders();
    twoLines.add("If-None-Match", "\"other\"");
    twoLines.add("If-None-Match", TILE.etag());
    assertThat(
            TileResponses.of(TILE, MVT, TileResponses.present(), twoLines).getStatusCode().value())
        .isEqualTo(304);
  }

  @Test
  void imagesAndSmallBodiesAreSentAsTheyAre() {
    ResponseEntity<byte[]> png = answer(MediaType.IMAGE_PNG, "Accept-Encoding", "gzip");
    assertThat(png.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
    assertThat(png.getHeaders().getVary()).as("a PNG never varies by encoding").isEmpty();
    assertThat(png.getHeaders().getETag()).isEqualTo(TILE.etag());
    CacheEntry small = new CacheEntry(bytes(TileResponses.GZIP_MIN_BYTES - 1), 1);
    HttpHeaders gzip = new HttpHeaders();
    gzip.add("Accept-Encoding", "gzip");
    ResponseEntity<byte[]> r =
        TileResponses.of(small, MVT, TileResponses.present(), gzip, "Accept");
    assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
    assertThat(r.getHeaders().getVary()).containsExactly("Accept-Encoding", "Accept");
  }

  private static ResponseEntity<byte[]> answer(MediaType type, String... headers) {
    HttpHeaders h = new HttpHeaders();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return TileResponses.of(TILE, type, TileResponses.present(), h);
  }

  /** Compressible bytes: a repeated pattern. */
  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i % 16);
    }
    return b;
  }
}
