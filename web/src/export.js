// Export of analysis results: GeoJSON FeatureCollection and CSV (UTF-8 with BOM, so Excel reads Chinese).

/** Flattens nested objects to dotted keys: {a:{fid:1}} → {"a.fid": 1}. */
export function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj || {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v.type && v.coordinates)) flatten(v, key, out);
    else if (Array.isArray(v)) out[key] = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)).join(';');
    else out[key] = v;
  }
  return out;
}

/** A FeatureCollection of result items (each item's `geometry` becomes the feature geometry). */
export function toGeoJson(items, meta = {}) {
  return {
    type: 'FeatureCollection',
    ...meta,
    features: items.map((item) => {
      const { geometry, ...props } = item;
      return { type: 'Feature', geometry: geometry && geometry.type ? geometry : null, properties: props };
    }),
  };
}

function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of result items: flattened properties plus the geometry as GeoJSON text. */
export function toCsv(items) {
  const rows = items.map((item) => {
    const { geometry, ...props } = item;
    const flat = flatten(props);
    if (geometry) flat.geometry = JSON.stringify(geometry);
    return flat;
  });
  const cols = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Offers text as a file download. */
export function download(filename, text, type) {
  const blob = new Blob([type === 'text/csv' ? '\ufeff' + text : text], { type: `${type};charset=utf-8` });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
