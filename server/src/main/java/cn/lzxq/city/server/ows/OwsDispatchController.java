package cn.lzxq.city.server.ows;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * {@code /ows}: dispatches on {@code SERVICE} to {@code /wms} or {@code /wfs}, keeping the query
 * string. Without SERVICE the answer is HTTP 400 with an OWS ExceptionReport.
 */
@Controller
class OwsDispatchController {

  @RequestMapping(
      path = "/ows",
      method = {RequestMethod.GET, RequestMethod.POST})
  Object dispatch(HttpServletRequest request) {
    String service = KvpMap.of(request.getParameterMap()).get("SERVICE").orElse("");
    return switch (service.toUpperCase(Locale.ROOT)) {
      case "WMS" -> "forward:/wms";
      case "WFS" -> "forward:/wfs";
      default ->
          ResponseEntity.status(HttpStatus.BAD_REQUEST)
              .contentType(MediaType.APPLICATION_XML)
              .body(
                  ExceptionReports.ows(
                      new OwsException(
                          OwsException.MISSING_PARAMETER_VALUE,
                          "SERVICE",
                          "parameter SERVICE (WMS or WFS) is missing or unknown")));
    };
  }
}
