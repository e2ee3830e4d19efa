#!/usr/bin/env -S node --
// Runs the compiled JavaScript in dist/ (built by `npm ci` / `npm install` through the `prepare` script, or
// `npm run build`): no TypeScript is compiled at start.
import { existsSync } from 'node:fs';

const main = new URL('../dist/harness/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('aws-oidc-harness: dist/ is missing: run `npm run build` (npm ci runs it) in the harness folder\n');
  process.exit(2);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv);
