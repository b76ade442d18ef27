package cn.lzxq.city.data.query.fes;

import cn.lzxq.city.data.query.QueryException;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for request XML with DTDs and external entities switched off (no XXE), and the few
 * cursor moves the request readers share.
 */
public final class SafeXml {

  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** A reader positioned on the root element of the document. */
  public static XMLStreamReader open(String xml, String locator) {
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
      r.nextTag();
      return r;
    } catch (XMLStreamException e) {
      throw malformed(locator, e);
    }
  }

  /** The next start element inside the current one, or null at its end tag. */
  public static String nextChild(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        return r.getLocalName();
      }
      if (e == XMLStreamConstants.END_ELEMENT) {
        return null;
      }
    }
    return null;
  }

  /** The text of the current element (child elements skipped), trimmed; ends on its end tag. */
  public static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamConstants.CHARACTERS
          || e == XMLStreamConstants.CDATA
          || e == XMLStreamConstants.SPACE) {
        if (depth == 1) {
          b.append(r.getText());
        }
      } else if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return b.toString().trim();
  }

  /** Skips the current element and its content; ends on its end tag. */
  public static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** Skips the remaining children of the current element; ends on its end tag. */
  public static void skipRest(XMLStreamReader r) throws XMLStreamException {
    while (nextChild(r) != null) {
      skip(r);
    }
  }

  /** An attribute by local name (any namespace), or null. */
  public static String attribute(XMLStreamReader r, String localName) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals(localName)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** The request error for XML that does not parse. */
  public static QueryException malformed(String locator, Exception e) {
    String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
    return new QueryException("OperationParsingFailed", locator, "the XML cannot be read: " + m);
  }
}
