/**
 * What a CI runner gives a job, here on this machine: a fresh checkout of the repository in a temp dir and a
 * shell that stops at the first failing command. `npm ci` runs for real in the first job of a test file;
 * later jobs get a copy of that installation (what actions/setup-node's npm cache saves them on a runner).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/cli-helpers.js';

export interface ShellRun {
  code: number | null;
  output: string;
}

/** The scenarios a test workspace keeps: the seed, so that each example runs in minutes, not tens of them. */
const KEPT_SCENARIOS = ['scenarios/gitpod-aws.scenario.yaml', 'scenarios/scenario.schema.json'];

let installed: string | undefined;
const created: string[] = [];

/** A checkout of the repository as committed plus the working tree's changes (tracked and new, not ignored). */
export function checkout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harness-ci-job-'));
  created.push(dir);
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (file.startsWith('scenarios/') && !KEPT_SCENARIOS.includes(file)) continue;
    if (!existsSync(path.join(ROOT, file))) continue;
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  return dir;
}

/** A temp dir removed with the checkouts (runner temp, artifact store). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Runs one step's script with bash as the runners do (`bash -e`, pipefail), in the job's workspace. */
export function runShell(script: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<ShellRun> {
  if (script.trim() === 'npm ci' && installed) {
    spawnSync('cp', ['-al', installed, path.join(cwd, 'node_modules')]);
    return Promise.resolve({ code: 0, output: `(installation of the first job reused: ${installed})\n` });
  }
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && script.trim() === 'npm ci' && !installed) installed = path.join(cwd, 'node_modules');
      resolve({ code, output });
    });
  });
}

/** Removes every checkout made (after the last test of the file: the first holds the shared installation). */
export function removeWorkspaces(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  installed = undefined;
}
