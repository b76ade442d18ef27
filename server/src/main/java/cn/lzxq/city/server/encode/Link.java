package cn.lzxq.city.server.encode;

/** A web link (OGC API links, WFS next/previous) with relation, media type and title. */
public record Link(String href, String rel, String type, String title) {

  /** A link without title. */
  public static Link of(String href, String rel, String type) {
    return new Link(href, rel, type, null);
  }
}
