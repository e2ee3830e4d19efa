/**
 * The CLI as documented: through `npx aws-oidc-harness ...` in the project folder. npx links the project into its
 * cache and runs `prepare` the first time; two npx started together then race (one may run another copy), so the
 * tests warm npx once, one worker at a time, before they use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT } from '../cli/cli-helpers.js';
import { runProcess, type Ran } from './run-process.js';

const LOCK = path.join(tmpdir(), `harness-npx-warm-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
let warmed = false;

export async function warmNpx(timeoutMs = 240_000): Promise<void> {
  if (warmed) return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK}: another worker has been warming npx for too long`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const ran = await runProcess('npx', ['aws-oidc-harness', '--version'], process.env, timeoutMs);
    if (ran.code !== 0) throw new Error(`npx aws-oidc-harness --version failed (${ran.code}): ${ran.stderr}`);
    warmed = true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function npx(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Ran> {
  return runProcess('npx', ['aws-oidc-harness', ...args], env, timeoutMs);
}

/** `npx aws-oidc-harness ...` left running (e.g. up), its stderr collected */
export function npxInBackground(args: readonly string[], env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string } {
  const child = spawn('npx', ['aws-oidc-harness', ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return { child, stderr: () => stderr };
}
