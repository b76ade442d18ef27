// Validates GLB files with the Khronos glTF validator (npm package gltf-validator).
// Usage: node validate-gltf.mjs file.glb...
// Prints one JSON object per line: {file, errors, warnings, infos, messages: [{code, severity, message, pointer}]}.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.resolve(here, '../../../../web/package.json'));
const validator = require('gltf-validator');

for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(await readFile(file));
  const report = await validator.validateBytes(bytes, { maxIssues: 1000, format: 'glb' });
  const severities = ['error', 'warning', 'info', 'hint'];
  const messages = report.issues.messages.map((m) => ({
    code: m.code, severity: severities[m.severity] ?? String(m.severity), message: m.message, pointer: m.pointer ?? '',
  }));
  console.log(JSON.stringify({
    file,
    errors: report.issues.numErrors,
    warnings: report.issues.numWarnings,
    infos: report.issues.numInfos,
    messages,
  }));
}
