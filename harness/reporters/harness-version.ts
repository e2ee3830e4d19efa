import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The `version` of the harness's own package.json, or undefined when it cannot be read. */
export function readHarnessVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
