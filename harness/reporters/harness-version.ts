import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../module-path.js';

/** The `version` of the harness's own package.json, or undefined when it cannot be read. */
export function readHarnessVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(import.meta.url), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
