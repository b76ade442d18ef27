// Runs `npm ci` in web/ when node_modules does not match package-lock.json (a stamp with the
// lock file's SHA-256 is kept in node_modules/.ci-stamp), so repeated Maven builds stay fast.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = readFileSync(join(web, 'package-lock.json'));
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = join(web, 'node_modules', '.ci-stamp');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && !process.argv.includes('--force')) {
  console.log('web: node_modules matches package-lock.json');
} else {
  console.log('web: npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, hash + '\n');
}
