/**
 * thousandCasesSeconds: a generated scenario (the seed's idp and aws sections, its cases cycled to 1,000)
 * run end to end by the CLI as users run it (`run FILE --target moto`), Playwright start included.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { HarnessError } from '../errors.js';
import { nowMs } from './stats.js';
import { packageRoot } from '../module-path.js';

const ROOT = packageRoot(import.meta.url);
const BIN = path.join(ROOT, 'bin/aws-oidc-harness.js');
export const SEED_SCENARIO = path.join(ROOT, 'scenarios/gitpod-aws.scenario.yaml');

/** The seed's document with its cases cycled to `count` (names made unique; allowed and denied alternate as in the seed). */
export function generateScenario(seedYaml: string, count: number): string {
  const seed = parse(seedYaml) as { id: string; cases: { name: string }[] } & Record<string, unknown>;
  const cases = Array.from({ length: count }, (_, i) => {
    const base = seed.cases[i % seed.cases.length]!;
    return { ...base, name: `${String(i + 1).padStart(4, '0')} ${base.name}` };
  });
  return stringify({ ...seed, id: `${seed.id}-bench-${count}`, cases }, { aliasDuplicateObjects: false });
}

export interface ScenarioRun {
  seconds: number;
  passed: number;
  failed: number;
  errors: number;
}

export async function measureGeneratedScenario(count: number, seedFile = SEED_SCENARIO): Promise<ScenarioRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'harness-bench-'));
  try {
    const file = path.join(dir, `bench-${count}.scenario.yaml`);
    writeFileSync(file, generateScenario(readFileSync(seedFile, 'utf8'), count));
    const reportDir = path.join(dir, 'reports');
    const started = nowMs();
    const { code, stderr } = await runCli(['run', file, '--target', 'moto', '--report-dir', reportDir]);
    const seconds = (nowMs() - started) / 1000;
    const summary = readSummary(path.join(reportDir, 'results.json'));
    if (code !== 0 || summary.passed !== count) {
      throw new HarnessError('BENCH_FAILED', `the ${count}-case run exited ${code} with ${JSON.stringify(summary)}: ${stderr.trim().slice(-500)}`);
    }
    return { seconds, ...summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readSummary(file: string): Omit<ScenarioRun, 'seconds'> {
  try {
    const { summary } = JSON.parse(readFileSync(file, 'utf8')) as { summary: Omit<ScenarioRun, 'seconds'> };
    return summary;
  } catch {
    return { passed: 0, failed: 0, errors: 0 };
  }
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
