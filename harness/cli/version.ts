import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../module-path.js';

export function harnessVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(import.meta.url), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
