// The PBR lookup table of CesiumJS's image-based lighting, computed at build time
// (scripts/brdf-lut.mjs → dist/brdf-lut.bin) instead of by the GPU in the frame where the first
// glTF model appears: that one draw (256² texels × 1024 samples) takes 1.2–3.5 s of software WebGL
// and would hold back the first view. The values match Cesium's own to ±1 of 255.
import { PixelDatatype, PixelFormat, Sampler, Texture } from 'cesium';
import { url } from './api.js';

const SIZE = 256;

/**
 * Fetches the table and gives it to the scene's BrdfLutGenerator (CesiumJS 1.145 keeps it in the
 * private `_colorTexture`, which it computes only when undefined), before any model is updated.
 * Without the file, or once Cesium has its own table, nothing changes: Cesium computes it.
 */
export async function installBrdfLut(scene) {
  const res = await fetch(url('brdf-lut.bin'));
  if (!res.ok) throw new Error(`brdf-lut.bin: HTTP ${res.status}`);
  const pixels = new Uint8Array(await res.arrayBuffer());
  if (pixels.length !== SIZE * SIZE * 4) throw new Error(`brdf-lut.bin: ${pixels.length} bytes`);
  const generator = scene._brdfLutGenerator;
  if (!generator || generator._colorTexture) return;
  generator._colorTexture = new Texture({
    context: scene.context, width: SIZE, height: SIZE, pixelFormat: PixelFormat.RGBA,
    pixelDatatype: PixelDatatype.UNSIGNED_BYTE, sampler: Sampler.NEAREST, flipY: false,
    source: { width: SIZE, height: SIZE, arrayBufferView: pixels },
  });
}
