package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.ows.ExceptionReports;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.ows.ServiceUrl;
import cn.lzxq.city.server.wms.capabilities.WmsVersion;
import cn.lzxq.city.server.wms.request.GetFeatureInfoRequest;
import cn.lzxq.city.server.wms.request.GetLegendGraphicRequest;
import cn.lzxq.city.server.wms.request.GetMapRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * {@code /wms}: adapts HTTP to the WMS operations with an explicit switch on REQUEST, and answers
 * errors as the request's EXCEPTIONS asks (ServiceExceptionReport, or in an image for GetMap; 1.3.0
 * XML/INIMAGE/BLANK and 1.1.1 application/vnd.ogc.se_xml/se_inimage/se_blank), in the form of the
 * request's version (1.1.1: {@code application/vnd.ogc.se_xml}, no namespace, InvalidSRS). Every
 * failure is mapped by {@link OwsException#of}; a 503 carries Retry-After.
 */
@Controller
class WmsController {

  private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
  private static final MediaType WMS_XML_111 =
      MediaType.parseMediaType("application/vnd.ogc.wms_xml;charset=UTF-8");
  private static final MediaType SE_XML_111 =
      MediaType.parseMediaType(ExceptionReports.WMS_111_MEDIA_TYPE);

  private final WmsService service;
  private final RemoteSld remoteSld;

  WmsController(WmsService service, RemoteSld remoteSld) {
    this.service = service;
    this.remoteSld = remoteSld;
  }

  @RequestMapping(
      path = "/wms",
      method = {RequestMethod.GET, RequestMethod.POST})
  ResponseEntity<?> wms(HttpServletRequest http) {
    KvpMap kvp = KvpMap.of(http.getParameterMap());
    String operation = kvp.get("REQUEST").orElse("");
    try {
      checkService(kvp);
      return switch (operation.toLowerCase(Locale.ROOT)) {
        case "getcapabilities", "capabilities" ->
            capabilities(
                WmsVersion.negotiate(kvp.first("VERSION", "WMTVER")), ServiceUrl.of(http, "/wms"));
        case "getmap", "map" ->
            image(
                service.map(
                    GetMapRequest.parse(
                        kvp, service.properties(), service.nativeSrid(), remoteSld.document(kvp))));
        case "getfeatureinfo", "feature_info" ->
            featureInfo(
                GetFeatureInfoRequest.parse(kvp, service.properties(), service.nativeSrid()));
        case "getlegendgraphic" -> image(service.legend(GetLegendGraphicRequest.parse(kvp)));
        case "" ->
            throw new OwsException(
                OwsException.MISSING_PARAMETER_VALUE, "REQUEST", "parameter REQUEST is missing");
        default ->
            throw new OwsException(
                OwsException.OPERATION_NOT_SUPPORTED,
                "REQUEST",
                "operation "
                    + operation
                    + " is not supported; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic",
                501);
      };
    } catch (RuntimeException e) {
      return error(OwsException.of(e, http), kvp, operation);
    }
  }

  private static void checkService(KvpMap kvp) {
    kvp.get("SERVICE")
        .filter(s -> !s.equalsIgnoreCase("WMS"))
        .ifPresent(
            s -> {
              throw new OwsException(
                  OwsException.INVALID_PARAMETER_VALUE,
                  "SERVICE",
                  "this endpoint serves WMS, not " + s);
            });
  }

  /** The negotiated version's document; 1.1.1 with its own MIME type (WMS 1.1.1 §6.5.3). */
  private ResponseEntity<String> capabilities(WmsVersion version, String endpoint) {
    MediaType type = version == WmsVersion.V111 ? WMS_XML_111 : XML;
    return ResponseEntity.ok().contentType(type).body(service.capabilities(endpoint, version));
  }

  private ResponseEntity<?> featureInfo(GetFeatureInfoRequest request) {
    MediaType type = MediaType.parseMediaType(request.infoFormat().mimeType() + ";charset=UTF-8");
    return ResponseEntity.ok().contentType(type).body(service.featureInfo(request));
  }

  private static ResponseEntity<byte[]> image(EncodedImage image) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.mimeType()))
        .body(image.bytes());
  }

  private ResponseEntity<?> error(OwsException e, KvpMap kvp, String operation) {
    ExceptionFormat format = ExceptionFormat.of(kvp);
    if (format != ExceptionFormat.XML && operation.equalsIgnoreCase("GetMap")) {
      EncodedImage image = ExceptionImages.draw(service, e, kvp, format == ExceptionFormat.BLANK);
      if (image != null) {
        return image(image);
      }
    }
    boolean v111 =
        WmsVersion.ofRequest(operation, kvp.first("VERSION", "WMTVER")) == WmsVersion.V111;
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(e.httpStatus()).contentType(v111 ? SE_XML_111 : XML);
    if (e.unavailable()) {
      answer.header("Retry-After", Failures.RETRY_AFTER_SECONDS);
    }
    return answer.body(v111 ? ExceptionReports.wms111(e) : ExceptionReports.wms(e));
  }
}
