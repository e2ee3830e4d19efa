/**
 * `up` as the README runs it, through npx: started in the background, `wait` blocks until it is ready, the
 * contract's `token --env-file PATH` works, and a SIGTERM to the npx process ends up, moto and every other
 * process up started, and removes the env file (npm does not pass SIGTERM on; up follows its parent).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tempDir } from '../cli/cli-helpers.js';
import { isolatedAws, withoutAwsVariables } from './aws-env.js';
import { commandOf, descendantsOf, stillRunningAfter } from './processes.js';
import { npx, npxInBackground, warmNpx } from './npx.js';
import { runHarness } from './run-process.js';
import { SEED } from './up-process.js';

test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
  await warmNpx();
});

test('npx up & ; npx wait ; npx token --env-file ; SIGTERM to npx leaves no process and no env file', async () => {
  const envFile = path.join(tempDir('harness-npx-'), 'env');
  const up = npxInBackground(['up', SEED, '--target', 'moto', '--env-path', envFile], withoutAwsVariables(process.env));
  const npxPid = up.child.pid as number;
  const exited = new Promise<number | null>((resolve) => up.child.on('close', (code) => resolve(code)));

  const waited = await npx(['wait', '--env-path', envFile], process.env, 180_000);
  expect(waited.stderr).toContain(`ready: ${envFile}`);
  expect(waited.code).toBe(0);

  const token = await npx(['token', '--env-file', envFile, '--decode'], isolatedAws().env);
  expect(token.code).toBe(0);
  expect(JSON.parse(token.stdout)).toMatchObject({ aud: expect.anything(), sub: expect.any(String) });

  const seen = new Map(descendantsOf(npxPid).map((pid) => [pid, commandOf(pid)]));
  expect([...seen.values()].some((c) => /moto/.test(c))).toBe(true);
  expect([...seen.values()].some((c) => / up /.test(c))).toBe(true);

  process.kill(npxPid, 'SIGTERM');
  await exited;
  expect(await stillRunningAfter([...seen.keys()], 20_000)).toEqual([]);
  expect(existsSync(envFile)).toBe(false);
  expect(existsSync(`${envFile}.state`)).toBe(false);
  expect(up.stderr()).toContain('stopping');
});

test('wait exits 1 with up\'s reason when up fails to start, instead of waiting for its timeout', async () => {
  const envFile = path.join(tempDir('harness-wait-'), 'env');
  const up = runHarness(['up', SEED, '--target', 'endpoint', '--endpoint', 'http://127.0.0.1:1', '--env-file', envFile], withoutAwsVariables(process.env));
  const waited = await runHarness(['wait', '--env-file', envFile, '--timeout', '120'], process.env);
  expect(waited.code).toBe(1);
  expect(waited.stderr).toMatch(/up failed to start: .*127\.0\.0\.1:1|ended before it was ready/);
  expect((await up).code).toBe(1);
});

test('wait without any up gives up after --timeout with exit 1, naming the env file', async () => {
  const envFile = path.join(tempDir('harness-wait-'), 'env');
  const waited = await runHarness(['wait', '--env-file', envFile, '--timeout', '0.5'], process.env);
  expect(waited.code).toBe(1);
  expect(waited.stderr).toContain(`${envFile}: not ready after 0.5 s (no up has started with this env file)`);
});

test('--env-path is --env-file under a name Node does not read; both naming different files is a usage error', async () => {
  const ran = await runHarness(['token', '--env-file', '/tmp/a', '--env-path', '/tmp/b'], process.env);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toContain('--env-file /tmp/a and --env-path /tmp/b name different files');
});
