/**
 * The CLI starts without compiling TypeScript and loads only the command it runs: `--version` and `token` never
 * import the AWS SDK, Playwright, testcontainers, tsx or TypeScript sources. (How fast that is belongs to the
 * benchmark; this proves the cause.) Imports are recorded by a resolve hook in the real CLI process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { BIN, ROOT, tempDir } from './cli-helpers.js';

const HOOK = path.join(ROOT, 'tests/cli/fixtures/record-imports.mjs');
const HEAVY = /@aws-sdk|@smithy|@playwright|playwright-core|testcontainers|\/tsx\/|\/typescript\/|\.ts$/;

function importsOf(args: string[]): { imports: string[]; status: number | null; stdout: string; stderr: string } {
  const log = path.join(tempDir(), 'imports.log');
  const ran = spawnSync(process.execPath, ['--import', HOOK, '--', BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, HARNESS_IMPORT_LOG: log },
    encoding: 'utf8',
  });
  let imports: string[] = [];
  try {
    imports = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    // nothing resolved
  }
  return { imports, status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

test('--version runs the compiled dist/ and imports nothing heavy', () => {
  const ran = importsOf(['--version']);
  expect(ran.status).toBe(0);
  expect(ran.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  expect(ran.imports.some((url) => url.includes('/dist/harness/cli/main.js'))).toBe(true);
  expect(ran.imports.filter((url) => HEAVY.test(url))).toEqual([]);
  expect(ran.imports.filter((url) => url.includes('/dist/harness/cli/commands/'))).toEqual([]);
});

test('token loads its own command only, and no SDK, Playwright or TypeScript', () => {
  const ran = importsOf(['token', '--env-file', path.join(tempDir(), 'missing-env')]);
  expect(ran.status).toBe(1);
  expect(ran.stderr).toContain('not found: start the environment first');
  const commands = ran.imports.filter((url) => url.includes('/dist/harness/cli/commands/')).map((url) => path.basename(url));
  expect([...new Set(commands)]).toEqual(['token.js']);
  expect(ran.imports.filter((url) => HEAVY.test(url))).toEqual([]);
});

test('help still lists every command', () => {
  const ran = spawnSync(process.execPath, ['--', BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(ran.status).toBe(0);
  for (const command of ['run', 'lint', 'probe', 'up', 'wait', 'token', 'idp', 'bench']) expect(ran.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
});
