/**
 * `run --shard i/n` on three machines plus `merge-reports` must report what one run reports: the same cases in
 * the same order, the same lint and probe findings, the same target. Run on moto, sequentially (shared cores).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, runCli, tempDir } from '../cli/cli-helpers.js';
import { normalizeJunit, normalizeResults, normalizeText, normalizeTrustMatrix } from './run-specific-values.js';

const SCENARIOS = ['scenarios/gitpod-aws.scenario.yaml', 'scenarios/profiles/gitlab.scenario.yaml'].map((p) => path.join(ROOT, p));
const RUN = ['run', ...SCENARIOS, '--target', 'moto', '--probe'];
const env = { PW_TEST_HTML_REPORT_OPEN: 'never', GITHUB_STEP_SUMMARY: '' };

interface Results {
  cases: { scenario: string; case: string }[];
  findings?: { source?: string }[];
  target: { kind: string };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const results = (dir: string) => JSON.parse(read(dir, 'results.json')) as Results;

test('3 shards plus merge-reports write the reports one run writes, timings and run-specific values aside', async () => {
  test.setTimeout(600_000);
  const root = tempDir('harness-shards-');
  const one = path.join(root, 'one');
  const unsharded = await runCli([...RUN, '--report-dir', one], { env, timeoutMs: 240_000 });
  expect(unsharded.code, unsharded.stderr).toBe(0);

  const shardDirs = [1, 2, 3].map((i) => path.join(root, `shard-${i}`));
  for (const [i, dir] of shardDirs.entries()) {
    const shard = await runCli([...RUN, '--shard', `${i + 1}/3`, '--report-dir', dir], { env, timeoutMs: 240_000 });
    expect(shard.code, shard.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'blob', `report-${i + 1}.zip`))).toBe(true);
  }
  // The shards really split the cases: each ran a part, together all, none twice.
  const all = results(one).cases.map((c) => `${c.scenario} / ${c.case}`);
  const perShard = shardDirs.map((d) => results(d).cases.map((c) => `${c.scenario} / ${c.case}`));
  for (const part of perShard) expect(part.length).toBeLessThan(all.length);
  expect(perShard.flat().sort()).toEqual([...all].sort());

  const merged = path.join(root, 'merged');
  const merge = await runCli(['merge-reports', ...shardDirs, '--report-dir', merged], { env, timeoutMs: 120_000 });
  expect(merge.code, merge.stderr).toBe(0);

  const sources = new Set((results(merged).findings ?? []).map((f) => f.source));
  expect([...sources].sort()).toEqual(['lint', 'probe']);
  expect(results(merged).target.kind).toBe('moto');
  expect(normalizeResults(results(merged))).toEqual(normalizeResults(results(one)));
  expect(normalizeJunit(read(merged, 'junit.xml'))).toBe(normalizeJunit(read(one, 'junit.xml')));
  expect(normalizeText(read(merged, 'summary.md'))).toBe(normalizeText(read(one, 'summary.md')));
  expect(normalizeTrustMatrix(read(merged, 'trust-matrix.html'))).toBe(normalizeTrustMatrix(read(one, 'trust-matrix.html')));
  expect(existsSync(path.join(merged, 'html', 'index.html'))).toBe(true);
  rmSync(root, { recursive: true, force: true });
});

test('a malformed --shard and a dir without blob reports are usage errors (exit 2) naming what is wrong', async () => {
  const bad = await runCli(['run', SCENARIOS[0]!, '--shard', '4/3', '--report-dir', tempDir()], { env });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--shard: "4/3"');
  const empty = tempDir();
  const merge = await runCli(['merge-reports', empty, '--report-dir', tempDir()], { env });
  expect(merge.code).toBe(2);
  expect(merge.stderr).toContain(`${empty}: no blob report`);
});
