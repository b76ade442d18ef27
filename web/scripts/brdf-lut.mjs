// The split-sum BRDF lookup table of CesiumJS's PBR image-based lighting, computed at build time.
// CesiumJS draws it on the GPU (BrdfLutGeneratorFS: 256 × 256 texels, 1024 GGX importance samples
// each) in the frame where the first glTF model appears; software WebGL (SwiftShader in headless
// Chromium) needs 1.2–3.5 s of GPU time for that one draw. This is the same function evaluated in
// JavaScript (same Hammersley points, GGX sampling and Smith visibility) and stored as Cesium
// stores it: RGBA 8-bit, R = scale A, G = bias B, B = 0, A = 255, row 0 = roughness of the first
// texel centre (texture coordinate t = 0.5 / 256), column = cos θ of the view (s).
export const BRDF_LUT_SIZE = 256;
const SAMPLES = 1024;

/** Van der Corput radical inverse in base 2 of i (the shader's vdcRadicalInverse). */
function radicalInverse(i) {
  let value = 0;
  let invBi = 0.5;
  while (i > 0) {
    value += (i % 2) * invBi;
    invBi *= 0.5;
    i = Math.floor(i * 0.5);
  }
  return value;
}

/** Smith joint GGX visibility (the shader's smithVisibilityGGX). */
function smithVisibilityGGX(alphaRoughness, NdotL, NdotV) {
  const a2 = alphaRoughness * alphaRoughness;
  const ggxv = NdotL * Math.sqrt(NdotV * NdotV * (1 - a2) + a2);
  const ggxl = NdotV * Math.sqrt(NdotL * NdotL * (1 - a2) + a2);
  const ggx = ggxv + ggxl;
  return ggx > 0 ? 0.5 / ggx : 0;
}

const clamp01 = (x) => Math.min(1, Math.max(0, x));

/** The table as RGBA bytes, BRDF_LUT_SIZE² texels, row by row from t = 0. */
export function brdfLut() {
  const n = BRDF_LUT_SIZE;
  const out = new Uint8Array(n * n * 4);
  const hx = new Float64Array(SAMPLES);
  const hy = new Float64Array(SAMPLES);
  const hz = new Float64Array(SAMPLES);
  for (let row = 0; row < n; row++) {
    const roughness = (row + 0.5) / n;
    const alpha = roughness * roughness;
    const alpha2 = alpha * alpha;
    // importanceSampleGGX around N = (0, 0, 1): tangent frame (0, −1, 0), (1, 0, 0).
    for (let i = 0; i < SAMPLES; i++) {
      const phi = 2 * Math.PI * (i / SAMPLES);
      const xiY = radicalInverse(i);
      const cosTheta = Math.sqrt((1 - xiY) / (1 + (alpha2 - 1) * xiY));
      const sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
      const x = sinTheta * Math.cos(phi);
      const y = sinTheta * Math.sin(phi);
      hx[i] = y;
      hy[i] = -x;
      hz[i] = cosTheta;
    }
    for (let col = 0; col < n; col++) {
      const NdotV = (col + 0.5) / n;
      const vx = Math.sqrt(1 - NdotV * NdotV);
      const vz = NdotV;
      let a = 0;
      let b = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const VdotHraw = vx * hx[i] + vz * hz[i];
        const lz = 2 * VdotHraw * hz[i] - vz;
        const NdotL = clamp01(lz);
        if (NdotL <= 0) continue;
        const NdotH = clamp01(hz[i]);
        const VdotH = clamp01(VdotHraw);
        const g = smithVisibilityGGX(alpha, NdotL, NdotV);
        const gVis = (4 * g * VdotH * NdotL) / NdotH;
        const fc = Math.pow(1 - VdotH, 5);
        a += (1 - fc) * gVis;
        b += fc * gVis;
      }
      const k = (row * n + col) * 4;
      out[k] = Math.round(clamp01(a / SAMPLES) * 255);
      out[k + 1] = Math.round(clamp01(b / SAMPLES) * 255);
      out[k + 2] = 0;
      out[k + 3] = 255;
    }
  }
  return out;
}
