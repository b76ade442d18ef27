package cn.lzxq.city.server.wfs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * XPath checks with the OGC prefixes, and validation against the bundled official schemas
 * (src/test/resources/schemas, resolved through catalog.properties: no network).
 */
public final class Xml {

  static final Map<String, String> NS =
      Map.ofEntries(
          Map.entry("wfs", "http://www.opengis.net/wfs/2.0"),
          Map.entry("fes", "http://www.opengis.net/fes/2.0"),
          Map.entry("ows", "http://www.opengis.net/ows/1.1"),
          Map.entry("gml", "http://www.opengis.net/gml/3.2"),
          Map.entry("city", "http://lzxq.cn/city"),
          Map.entry("xs", "http://www.w3.org/2001/XMLSchema"),
          Map.entry("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
          Map.entry("wfs1", "http://www.opengis.net/wfs"),
          Map.entry("ogc", "http://www.opengis.net/ogc"),
          Map.entry("gml31", "http://www.opengis.net/gml"),
          Map.entry("ows10", "http://www.opengis.net/ows"));
  private static final Properties CATALOG = catalog();

  private Xml() {}

  private static Properties catalog() {
    Properties p = new Properties();
    try (InputStream in = Xml.class.getResourceAsStream("/schemas/catalog.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }

  public static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // a WMS 1.1.1 document names its DTD by URL: never fetch it
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  public static String text(String xml, String xpath) throws Exception {
    return (String) xpath().evaluate(xpath, parse(xml), XPathConstants.STRING);
  }

  public static int count(String xml, String xpath) throws Exception {
    return ((NodeList) xpath().evaluate(xpath, parse(xml), XPathConstants.NODESET)).getLength();
  }

  private static javax.xml.xpath.XPath xpath() {
    javax.xml.xpath.XPath x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
          }

          @Override
          public String getPrefix(String uri) {
            return null;
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            return null;
          }
        });
    return x;
  }

  /**
   * A schema of the official document at {@code systemId} (e.g. the WFS 2.0 schema URL) plus,
   * optionally, our application schema (DescribeFeatureType output).
   */
  public static Schema schema(String systemId, String appSchema) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setResourceResolver(resolver());
    StreamSource official = new StreamSource(open(systemId), systemId);
    Source[] sources =
        appSchema == null
            ? new Source[] {official}
            : new Source[] {
              official, new StreamSource(new StringReader(appSchema), "http://lzxq.cn/city/app.xsd")
            };
    return f.newSchema(sources);
  }

  /** Validates; throws SAXException with the first error. */
  public static void validate(Schema schema, String xml) throws Exception {
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  /** The bundled copy of an official schema (a file under target/test-classes). */
  public static java.net.URL bundled(String systemId) {
    String file = CATALOG.getProperty(systemId);
    if (file == null) {
      throw new IllegalStateException("no offline copy of " + systemId);
    }
    return Xml.class.getResource("/schemas/" + file);
  }

  static InputStream open(String systemId) {
    try {
      return bundled(systemId).openStream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static LSResourceResolver resolver() {
    return (type, namespace, publicId, systemId, baseUri) -> {
      if (systemId == null || !CATALOG.containsKey(systemId)) {
        throw new IllegalStateException(
            "schema not bundled: " + systemId + " (namespace " + namespace + ")");
      }
      return new Input(publicId, systemId, open(systemId));
    };
  }

  private record Input(String publicId, String systemId, InputStream byteStream)
      implements LSInput {
    @Override
    public java.io.Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(java.io.Reader r) {}

    @Override
    public InputStream getByteStream() {
      return byteStream;
    }

    @Override
    public void setByteStream(InputStream in) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String s) {}

    @Override
    public String getSystemId() {
      return systemId;
    }

    @Override
    public void setSystemId(String s) {}

    @Override
    public String getPublicId() {
      return publicId;
    }

    @Override
    public void setPublicId(String s) {}

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public void setBaseURI(String s) {}

    @Override
    public String getEncoding() {
      return "UTF-8";
    }

    @Override
    public void setEncoding(String s) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean b) {}
  }
}
