import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BIN, ROOT, tempDir } from './cli-helpers.js';

// The IdP-fault scenario has cases that wait for fetch timeouts, so the run is still busy when the signal comes.
const SLOW_SCENARIO = path.join(ROOT, 'scenarios/attacks/idp-faults.scenario.yaml');

test('SIGTERM during run (a cancelled CI job) stops gracefully: the cases already run are in results.json', async () => {
  test.setTimeout(120_000);
  const reportDir = tempDir();
  const child = spawn(process.execPath, ['--', BIN, 'run', SLOW_SCENARIO, '--target', 'moto', '--report-dir', reportDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let signalled = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (!signalled && chunk.toString().includes('✓')) {
      signalled = true;
      child.kill('SIGTERM');
    }
  });
  child.stderr.resume();
  const code = await closed;
  expect(signalled).toBe(true);
  expect(code).toBe(1);
  const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as {
    cases: { status: string }[];
    aborted?: string;
  };
  expect(results.aborted).toBeUndefined();
  expect(results.cases.filter((c) => c.status === 'passed').length).toBeGreaterThan(0);
});
