package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.wms.encode.FastPngEncoder;
import cn.lzxq.city.server.wms.encode.ImageEncoder;
import cn.lzxq.city.server.wms.encode.JpegEncoder;
import cn.lzxq.city.server.wms.encode.Png8Encoder;
import cn.lzxq.city.server.wms.render.RenderGate;
import cn.lzxq.city.server.wms.request.ImageFormat;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WMS beans: limits, the render gate and the image encoders. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WmsProperties.class)
class WmsConfiguration {

  /** Deflate level of image/png: level 4 takes about half the time of 6 for 5–7 % more bytes (bench/RESULTS.md). */
  static final int PNG_LEVEL = 4;

  @Bean
  RenderGate renderGate(WmsProperties p) {
    return new RenderGate(p.maxConcurrentRenders(), p.renderMemoryMb(), p.queueTimeout());
  }

  @Bean
  Map<ImageFormat, ImageEncoder> imageEncoders(RenderGate gate) {
    return Map.of(ImageFormat.PNG, new FastPngEncoder(PNG_LEVEL, gate::running), ImageFormat.PNG8, new Png8Encoder(6),
        ImageFormat.JPEG, new JpegEncoder(0.85f));
  }
}
