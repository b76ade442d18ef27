// Validates JSON documents against the bundled 3D Tiles 1.1 JSON schemas (JSON Schema 2020-12) with ajv.
// Usage: node validate-json-schema.mjs <schemaDir> <schemaFile> doc.json...
// Every $ref is resolved by file name inside schemaDir (the official files refer to each other by bare
// $id names, sometimes with ../common/ prefixes). Prints one JSON line per document: {file, valid, errors}.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.resolve(here, '../../../../web/package.json'));
const Ajv2020 = require('ajv/dist/2020').default;

const [schemaDir, schemaFile, ...docs] = process.argv.slice(2);

async function listFiles(dir) {
  const out = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [k, v] of await listFiles(full)) out.set(k, v);
    } else if (entry.name.endsWith('.schema.json')) {
      out.set(entry.name, full);
    }
  }
  return out;
}

const files = await listFiles(schemaDir);
const BASE = 'https://schemas.3dtiles.local/';
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('iri-reference', true);
ajv.addFormat('iri', true);
for (const [name, full] of [...files.entries()].sort()) {
  const schema = JSON.parse(await readFile(full, 'utf8'));
  schema.$id = BASE + name;
  rewriteRefs(schema);
  ajv.addSchema(schema);
}

function rewriteRefs(node) {
  if (Array.isArray(node)) { node.forEach(rewriteRefs); return; }
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) {
        const [file, fragment] = v.split('#');
        node[k] = BASE + path.basename(file) + (fragment !== undefined ? '#' + fragment : '');
      } else {
        rewriteRefs(v);
      }
    }
  }
}

const validate = ajv.getSchema(BASE + schemaFile);
if (!validate) {
  console.error('schema not found: ' + schemaFile);
  process.exit(2);
}
for (const doc of docs) {
  const data = JSON.parse(await readFile(doc, 'utf8'));
  const valid = validate(data);
  console.log(JSON.stringify({ file: doc, valid, errors: validate.errors ?? [] }));
}
