/**
 * Playwright globalSetup of `npm test` and of targeted runs: tests that spawn the CLI run the compiled dist/, so it
 * is rebuilt (incrementally) whenever a source is newer than the last build. A stale dist/ never runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, 'dist/.tsbuildinfo');
const SOURCES = ['harness', 'localstack'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

export default function buildDist(): void {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  if (newestSource() <= built) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const now = new Date();
  utimesSync(STAMP, now, now);
}

function newestSource(): number {
  let newest = 0;
  for (const config of CONFIGS) newest = Math.max(newest, statSync(path.join(ROOT, config)).mtimeMs);
  for (const dir of SOURCES) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
