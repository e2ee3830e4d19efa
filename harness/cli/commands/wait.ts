/**
 * `aws-oidc-harness wait`: blocks until a background `up` has written its env file (exit 0), or says why it never
 * will: up failed to start, up is gone, or the timeout passed (exit 1). For scripts: `up FILE &` then `wait`.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { HarnessError } from '../../errors.js';
import { addEnvFileOptions, envFileOf, usageError, type EnvFileOptions } from '../options.js';
import { EXIT_OK } from '../exit.js';
import { isAlive, readUpState } from '../up-state.js';

interface WaitOptions extends EnvFileOptions {
  timeout: string;
}

const POLL_MS = 100;
/**
 * A failure older than this when wait starts belongs to an earlier up (the next up overwrites it within a second of
 * starting): `up FILE &` then `wait` must not report the last run's failure.
 */
const STALE_FAILURE_MS = 10_000;

export function registerWait(program: Command, setExit: (code: number) => void): void {
  addEnvFileOptions(
    program
      .command('wait')
      .description('wait until a background `up` is ready (its env file written); exit 1 when up failed or timed out'),
    'the env file up writes',
  )
    .option('--timeout <seconds>', 'give up after this many seconds', '180')
    .action(async (options: WaitOptions) => {
      const timeoutSeconds = Number(options.timeout);
      if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw usageError(`--timeout must be a positive number of seconds, got ${options.timeout}`);
      const envFile = envFileOf(options);
      await waitForUp(envFile, timeoutSeconds * 1000);
      process.stderr.write(`ready: ${envFile}\n`);
      setExit(EXIT_OK);
    });
}

async function waitForUp(envFile: string, timeoutMs: number): Promise<void> {
  const startedAt = Date.now();
  const deadline = startedAt + timeoutMs;
  for (;;) {
    const read = readUpState(envFile);
    const state = read?.state === 'failed' && read.writtenAtMs < startedAt - STALE_FAILURE_MS ? undefined : read;
    if (state?.state === 'ready' && existsSync(envFile)) return;
    if (state?.state === 'failed') throw new HarnessError('UP_NOT_READY', `up failed to start: ${state.reason}`);
    if (state && !isAlive(state.pid)) throw new HarnessError('UP_NOT_READY', `up (pid ${state.pid}) ended before it was ready`);
    if (Date.now() >= deadline) {
      throw new HarnessError('UP_NOT_READY', `${envFile}: not ready after ${timeoutMs / 1000} s${state ? '' : ' (no up has started with this env file)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
