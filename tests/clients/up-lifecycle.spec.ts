/**
 * `up` leaves nothing behind: after Ctrl-C, SIGTERM or a failed start, every process it started
 * (moto_server above all) is gone and so is its env file. Pids are collected from /proc while `up` runs.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tempDir } from '../cli/cli-helpers.js';
import { isolatedAws } from './aws-env.js';
import { commandOf, stillRunningAfter } from './processes.js';
import { runHarness } from './run-process.js';
import { SEED, startUp, type Exit, type UpProcess } from './up-process.js';

test.describe.configure({ timeout: 150_000 });

/** every descendant seen while `up` runs, with its command line (polled until `up` exits) */
function watchDescendants(up: UpProcess): { seen: Map<number, string>; done: Promise<Exit> } {
  const seen = new Map<number, string>();
  const look = () => {
    for (const pid of up.descendants()) if (!seen.has(pid)) seen.set(pid, commandOf(pid));
  };
  const timer = setInterval(look, 100);
  look();
  const done = up.exited.then((exit) => {
    clearInterval(timer);
    return exit;
  });
  return { seen, done };
}

const isMoto = (command: string) => /moto/.test(command);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} stops up: exit 0, moto_server and every other child gone, env file removed`, async () => {
    const up = startUp(SEED, ['--target', 'moto']);
    await up.ready();
    const watch = watchDescendants(up);
    expect([...watch.seen.values()].some(isMoto)).toBe(true);

    const exit = await up.stop(signal);
    expect(exit.code).toBe(0);
    expect(await stillRunningAfter([...watch.seen.keys()], 15_000)).toEqual([]);
    expect(existsSync(up.envFile)).toBe(false);
  });
}

test('a failed start after moto started (env file cannot be written) exits 1 and leaves no process', async () => {
  const blocker = path.join(tempDir(), 'not-a-dir');
  writeFileSync(blocker, '');
  const up = startUp(SEED, ['--target', 'moto'], path.join(blocker, 'env'));
  const watch = watchDescendants(up);
  const exit = await watch.done;
  expect(exit.code).toBe(1);
  expect(up.stderr()).toContain('cannot write the env file');
  expect(up.stderr()).not.toContain('internal error');
  expect([...watch.seen.values()].some(isMoto)).toBe(true);
  expect(await stillRunningAfter([...watch.seen.keys()], 15_000)).toEqual([]);
});

test('an endpoint that never answers: up exits 1 without an env file and leaves no process', async () => {
  const up = startUp(SEED, ['--target', 'endpoint', '--endpoint', 'http://127.0.0.1:1']);
  const watch = watchDescendants(up);
  const exit = await watch.done;
  expect(exit.code).toBe(1);
  expect(up.stderr()).toContain('http://127.0.0.1:1');
  expect(existsSync(up.envFile)).toBe(false);
  expect(await stillRunningAfter([...watch.seen.keys()], 15_000)).toEqual([]);
});

test('a bogus scenario: up exits 2 naming the file and the path inside, starting nothing', async () => {
  const bogus = path.join(tempDir(), 'bogus.scenario.yaml');
  writeFileSync(bogus, 'id: bogus\ntitle: no idp\n');
  const up = startUp(bogus, ['--target', 'moto']);
  const watch = watchDescendants(up);
  const exit = await watch.done;
  expect(exit.code).toBe(2);
  expect(up.stderr()).toMatch(/bogus\.scenario\.yaml: idp: /);
  expect([...watch.seen.values()].some(isMoto)).toBe(false);
  expect(await stillRunningAfter([...watch.seen.keys()], 15_000)).toEqual([]);
});

test('after up stopped, token says the environment is gone instead of hanging', async () => {
  const up = startUp(SEED, ['--target', 'moto']);
  await up.ready();
  const stale = path.join(tempDir(), 'env');
  copyFileSync(up.envFile, stale);
  await up.stop();
  const ran = await runHarness(['token', '--env-file', stale], { ...isolatedAws().env });
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('does not answer: is `aws-oidc-harness up` still running?');
  expect(ran.stdout).toBe('');
});
