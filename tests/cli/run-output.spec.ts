/**
 * What `run` prints by default, from the real CLI on a two-case scenario (one passes, one fails): one line per
 * case naming scenario and case, for the failure expected / observed / why and no code frame of the harness's own
 * spec, the SDK's Node warning at most once as one line, and a closing `N passed, N failed` line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { ROOT, runCli, tempDir } from './cli-helpers.js';

test.describe.configure({ timeout: 240_000 });

interface Doc {
  id: string;
  cases: { name: string; expect: { assume: string; message?: string } }[];
}

function twoCaseScenario(dir: string): { file: string; passing: string; failing: string } {
  const seed = parse(readFileSync(path.join(ROOT, 'scenarios/gitpod-aws.scenario.yaml'), 'utf8')) as Doc;
  const passing = seed.cases.find((c) => c.expect.assume === 'allowed')!;
  const denied = seed.cases.find((c) => c.expect.assume === 'AccessDenied')!;
  // the denied case now claims to be allowed: the gate denies it, so the case fails
  const failing = { ...denied, expect: { assume: 'allowed' } };
  const file = path.join(dir, 'output.scenario.yaml');
  writeFileSync(file, stringify({ ...seed, id: 'output-check', cases: [passing, failing] }));
  return { file, passing: passing.name, failing: failing.name };
}

test('one line per case with scenario and case name, the failure explained without code frames, a closing count', async () => {
  const dir = tempDir();
  const { file, passing, failing } = twoCaseScenario(dir);
  const run = await runCli(['run', file, '--target', 'moto', '--report-dir', path.join(dir, 'reports')], { timeoutMs: 220_000 });
  const out = `${run.stdout}${run.stderr}`;
  expect(run.code).toBe(1);

  const lines = run.stdout.split('\n');
  expect(lines).toContain('running 2 cases of 1 scenario, 1 worker');
  expect(lines.filter((l) => /^ {2}[✓✘] /.test(l)).map((l) => l.replace(/ \(\d+(\.\d)?m?s\)$/, ''))).toEqual([
    `  ✓ output-check › ${passing}`,
    `  ✘ output-check › ${failing}`,
  ]);
  const failure = lines.slice(lines.indexOf(lines.find((l) => l.startsWith(`  ✘ output-check › ${failing}`))!) + 1);
  expect(failure[0]).toBe('      expected assume allowed');
  expect(failure[1]).toMatch(/^ {6}observed assume AccessDenied/);
  expect(failure.slice(2).join('\n')).toContain('does not allow sts:AssumeRoleWithWebIdentity');
  expect(lines.filter((l) => /^1 passed, 1 failed in \d+(\.\d)?m?s$/.test(l))).toHaveLength(1);

  // no Playwright location prefix, no code frame or stack of harness files
  expect(out).not.toContain('scenarios.spec');
  expect(out).not.toMatch(/^\s*\d+ \|/m);
  expect(out).not.toMatch(/^\s+at /m);
  expect(out).not.toContain('expect(received)');
  // the SDK's 9-line NodeVersionSupportWarning: never; on Node < 22 the CLI's own note once
  expect(out).not.toContain('NodeVersionSupportWarning');
  const notes = out.split('\n').filter((l) => l.startsWith('note: Node '));
  expect(notes.length).toBe(Number(process.versions.node.split('.')[0]) < 22 ? 1 : 0);
});
