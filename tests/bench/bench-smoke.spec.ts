/** `bench --quick` runs end to end and writes a bench.json with every figure. Not timed: no speed assertion. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runCli, tempDir } from '../cli/cli-helpers.js';

const FIGURES = ['coldStartMs', 'overheadRatio', 'evaluationsPerSecond', 'thousandCasesSeconds', 'tokenVerificationsPerSecond', 'peakMemoryMb'];

test('bench --quick writes bench.json with every figure, its runs, the goals and the machine', async () => {
  test.setTimeout(300_000);
  const dir = tempDir('harness-bench-');
  const run = await runCli(['bench', '--quick', '--report-dir', dir], {
    timeoutMs: 280_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined },
  });
  expect(run.code, run.stderr).toBe(0);
  // as under `run`: never the SDK's 9-line NodeVersionSupportWarning, at most the CLI's one-line note
  expect(run.stderr).not.toContain('NodeVersionSupportWarning');
  expect(run.stderr.split('\n').filter((l) => l.startsWith('note: Node ')).length).toBeLessThanOrEqual(1);
  const file = path.join(dir, 'bench.json');
  expect(existsSync(file)).toBe(true);
  const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;

  for (const name of FIGURES) {
    expect(report[name], name).toBeGreaterThan(0);
    const figure = report.figures[name];
    expect(figure.median, name).toBe(report[name]);
    expect(figure.runs.length, name).toBeGreaterThanOrEqual(1);
    for (const value of figure.runs) expect(value, name).toBeGreaterThan(0);
  }
  expect(report.goals).toEqual({
    overheadRatio: { kind: 'max', value: 1.15 },
    evaluationsPerSecond: { kind: 'min', value: 200_000 },
    thousandCasesSeconds: { kind: 'max', value: 30 },
  });
  expect(typeof report.figures.overheadRatio.met).toBe('boolean');
  expect(report.quick).toBe(true);
  expect(report.machine.cpus).toBeGreaterThan(0);
  expect(report.machine.node).toBe(process.version);
  expect(Number.isNaN(Date.parse(report.date))).toBe(false);
  for (const name of FIGURES) expect(run.stdout).toContain(name);
});

test('bench --runs 0 is a usage error (exit 2)', async () => {
  const run = await runCli(['bench', '--runs', '0', '--report-dir', tempDir('harness-bench-')]);
  expect(run.code).toBe(2);
});
