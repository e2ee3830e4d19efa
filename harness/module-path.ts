/**
 * Paths of the harness's own files that work both from the TypeScript sources (Playwright, tests) and from the
 * compiled JavaScript in dist/ (the CLI): a sibling module keeps the extension of the file asking for it, and the
 * package root is found by walking up, since dist/ adds a level.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `siblingModule(import.meta.url, '../run.config')` is run.config.ts beside a .ts caller, run.config.js beside a .js one. */
export function siblingModule(from: string, relativeWithoutExtension: string): string {
  const caller = fileURLToPath(from);
  return path.resolve(path.dirname(caller), relativeWithoutExtension + path.extname(caller));
}

/** The extension of the running module: `.ts` from the sources, `.js` from dist/. */
export function moduleExtension(from: string): string {
  return path.extname(fileURLToPath(from));
}

/** The folder holding the harness's package.json (the nearest one above `from`). */
export function packageRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
  return dir;
}
