package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.wms.encode.ImageEncoder;
import cn.lzxq.city.server.wms.encode.JpegEncoder;
import cn.lzxq.city.server.wms.encode.Png8Encoder;
import cn.lzxq.city.server.wms.encode.RasterPngEncoder;
import cn.lzxq.city.server.wms.render.CanvasPool;
import cn.lzxq.city.server.wms.render.RenderGate;
import cn.lzxq.city.server.wms.request.ImageFormat;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WMS beans: limits, the render gate, the canvas pool and the image encoders. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WmsProperties.class)
class WmsConfiguration {

  /** Deflate level of image/png (bench/RESULTS.md, WMS round 3: levels 1–4 compared). */
  static final int PNG_LEVEL = 2;

  @Bean
  RenderGate renderGate(WmsProperties p) {
    return new RenderGate(p.maxConcurrentRenders(), p.renderMemoryMb(), p.queueTimeout());
  }

  @Bean
  CanvasPool canvasPool(WmsProperties p) {
    return new CanvasPool(p.maxConcurrentRenders(), (long) p.canvasPoolMb() << 20);
  }

  @Bean
  Map<ImageFormat, ImageEncoder> imageEncoders() {
    return Map.of(
        ImageFormat.PNG,
        new RasterPngEncoder(PNG_LEVEL),
        ImageFormat.PNG8,
        new Png8Encoder(6),
        ImageFormat.JPEG,
        new JpegEncoder(0.85f));
  }
}
