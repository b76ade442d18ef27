// Decodes Mapbox vector tiles with @mapbox/vector-tile (+ pbf), as web map clients do.
// Usage: node decode-mvt.mjs TILE.mvt Z X Y
// Prints one JSON line per layer: {layer, extent, version, ids: [feature ids], features: [{id,
// type, properties, lonlat: [first vertex as longitude, latitude]}]}.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.resolve(here, '../../../../web/package.json'));
const { VectorTile } = await import(pathToFileURL(require.resolve('@mapbox/vector-tile')).href);
const { PbfReader } = await import(pathToFileURL(require.resolve('pbf')).href);

const [file, z, x, y] = process.argv.slice(2);
const tile = new VectorTile(new PbfReader(await readFile(file)));
for (const name of Object.keys(tile.layers)) {
  const layer = tile.layers[name];
  const features = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const geo = f.toGeoJSON(Number(x), Number(y), Number(z));
    const c = geo.geometry.coordinates;
    const first = geo.geometry.type === 'Point' ? c : geo.geometry.type === 'LineString' ? c[0] : c.flat(3).slice(0, 2);
    features.push({ id: f.id, type: geo.geometry.type, properties: f.properties, lonlat: first });
  }
  console.log(JSON.stringify({
    layer: name, extent: layer.extent, version: layer.version, ids: features.map((f) => f.id), features,
  }));
}
