// Reads quantized-mesh terrain over HTTP like a client and decodes it with @here/quantized-mesh-decoder.
// Usage: node decode-terrain.mjs BASE_URL PROBES.json
//   BASE_URL  the terrain root, e.g. http://localhost:8080/terrain/
//   PROBES    JSON array of {lon, lat} (degrees)
// Fetches layer.json, then for each probe the tile of the deepest level holding it (asking for
// octvertexnormals and gzip, as CesiumJS does), decodes it, finds the triangle under the probe and
// interpolates its height. Prints one JSON line per probe:
//   {lon, lat, z, x, y, height, vertices, triangles, normals, edges, minHeight, maxHeight}
// and first one line {layer: <layer.json>}.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.resolve(here, '../../../../web/package.json'));
const decoder = require('@here/quantized-mesh-decoder');
const decode = decoder.default ?? decoder;

const [base, probesFile] = process.argv.slice(2);
const probes = JSON.parse(await readFile(probesFile, 'utf8'));
const layer = await (await fetch(new URL('layer.json', base))).json();
console.log(JSON.stringify({ layer }));
const z = layer.maxzoom;
const span = 180 / 2 ** z;
const tiles = new Map();

async function tile(x, y) {
  const key = `${x}/${y}`;
  if (!tiles.has(key)) {
    const url = new URL(layer.tiles[0].replace('{z}', z).replace('{x}', x).replace('{y}', y)
      .replace('{version}', layer.version), base);
    const response = await fetch(url, {
      headers: { Accept: 'application/vnd.quantized-mesh;extensions=octvertexnormals,application/octet-stream;q=0.9', 'Accept-Encoding': 'gzip' },
    });
    if (!response.ok) {
      throw new Error(`${url}: HTTP ${response.status}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    tiles.set(key, decode(bytes.slice().buffer));
  }
  return tiles.get(key);
}

function heightAt(mesh, u, v) {
  const { vertexData, triangleIndices, header } = mesh;
  const n = vertexData.length / 3;
  const U = (i) => vertexData[i] / 32767;
  const V = (i) => vertexData[i + n] / 32767;
  const H = (i) => header.minHeight + (vertexData[i + 2 * n] / 32767) * (header.maxHeight - header.minHeight);
  for (let t = 0; t < triangleIndices.length; t += 3) {
    const [a, b, c] = [triangleIndices[t], triangleIndices[t + 1], triangleIndices[t + 2]];
    const det = (V(b) - V(c)) * (U(a) - U(c)) + (U(c) - U(b)) * (V(a) - V(c));
    const l1 = ((V(b) - V(c)) * (u - U(c)) + (U(c) - U(b)) * (v - V(c))) / det;
    const l2 = ((V(c) - V(a)) * (u - U(c)) + (U(a) - U(c)) * (v - V(c))) / det;
    const l3 = 1 - l1 - l2;
    if (l1 >= -1e-9 && l2 >= -1e-9 && l3 >= -1e-9) {
      return l1 * H(a) + l2 * H(b) + l3 * H(c);
    }
  }
  return null;
}

for (const { lon, lat } of probes) {
  const x = Math.floor((lon + 180) / span);
  const y = Math.floor((lat + 90) / span);
  const mesh = await tile(x, y);
  const u = (lon - (-180 + x * span)) / span;
  const v = (lat - (-90 + y * span)) / span;
  const n = mesh.vertexData.length / 3;
  console.log(JSON.stringify({
    lon, lat, z, x, y,
    height: heightAt(mesh, u, v),
    vertices: n,
    triangles: mesh.triangleIndices.length / 3,
    normals: mesh.extensions.vertexNormals ? mesh.extensions.vertexNormals.length / 2 : 0,
    edges: [mesh.westIndices.length, mesh.southIndices.length, mesh.eastIndices.length, mesh.northIndices.length],
    minHeight: mesh.header.minHeight,
    maxHeight: mesh.header.maxHeight,
  }));
}
