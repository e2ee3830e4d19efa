import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, runCli, tempDir } from './cli-helpers.js';
import { resultsSchemaErrors } from './schema-validator.js';

const SEED = path.join(ROOT, 'scenarios/gitpod-aws.scenario.yaml');

interface Results {
  target: { kind: string; enforcement: string };
  cases: { case: string; status: string; expected: { assume: string }; observed: { assume: string | null }; explanation: string[] }[];
  summary: { passed: number; failed: number; errors: number };
}

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test('run on moto with enforcement: every case of the seed passes and results.json follows the contract', async () => {
  const reportDir = tempDir();
  const run = await runCli(['run', SEED, '--target', 'moto', '--report-dir', reportDir], { timeoutMs: 220_000 });
  const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as Results;
  expect(resultsSchemaErrors(results)).toEqual([]);
  expect(results.target).toEqual(expect.objectContaining({ kind: 'moto', enforcement: 'harness' }));
  expect(results.cases.filter((c) => c.status !== 'passed').map((c) => `${c.case}: ${c.explanation.join(' | ')}`)).toEqual([]);
  expect(results.summary.failed + results.summary.errors).toBe(0);
  expect(results.cases.length).toBeGreaterThanOrEqual(6);
  const denied = results.cases.filter((c) => c.expected.assume !== 'allowed');
  expect(denied.length).toBeGreaterThanOrEqual(3);
  for (const c of denied) expect(c.explanation.join(' ')).not.toBe('');
  expect(run.code).toBe(0);
});

test('run with --enforce off: the raw emulator admits the denied cases, so they fail, and the results say so', async () => {
  const reportDir = tempDir();
  const run = await runCli(['run', SEED, '--target', 'moto', '--enforce', 'off', '--report-dir', reportDir], { timeoutMs: 220_000 });
  expect(run.code).toBe(1);
  const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as Results;
  expect(resultsSchemaErrors(results)).toEqual([]);
  expect(results.target.enforcement).toBe('off');
  const deniedAssume = results.cases.filter((c) => c.expected.assume !== 'allowed');
  expect(deniedAssume.length).toBeGreaterThanOrEqual(3);
  for (const c of deniedAssume) {
    expect(c.status).toBe('failed');
    expect(c.observed.assume).toBe('allowed');
    expect(c.explanation.join(' ')).toContain('emulator admitted');
  }
  for (const c of results.cases.filter((c) => c.expected.assume === 'allowed')) expect(c.observed.assume).toBe('allowed');
});
