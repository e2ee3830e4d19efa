/**
 * `aws-oidc-harness up` as a user runs it, in the background: started, waited for (its env file appears),
 * signalled, and observed until it exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { BIN, ROOT, tempDir } from '../cli/cli-helpers.js';
import { descendantsOf } from './processes.js';
import { withoutAwsVariables } from './aws-env.js';

export const SEED = path.join(ROOT, 'scenarios/gitpod-aws.scenario.yaml');
export const READER_ROLE_ARN = 'arn:aws:iam::123456789012:role/gitpod-secrets-reader';
export const TRUSTED_SUB = 'https://github.com/acme/app';
export const UNTRUSTED_SUB = 'https://github.com/acme-evil/app';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface UpProcess {
  readonly pid: number;
  readonly envFile: string;
  stderr(): string;
  readonly exited: Promise<Exit>;
  /** resolves with the env file's variables once `up` wrote it; rejects when `up` exits first or is too slow */
  ready(timeoutMs?: number): Promise<Record<string, string>>;
  /** the pids of every process `up` started (moto_server, ...) */
  descendants(): number[];
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/**
 * `node -- BIN`: Node 20 reads `--env-file` as its own option even after the script name (and exits 9 when
 * the file does not exist yet); `--` ends Node's options.
 */
export function harnessArgs(args: readonly string[]): string[] {
  return ['--', BIN, ...args];
}

export function startUp(scenario: string, extraArgs: readonly string[] = [], envFile = path.join(tempDir('harness-up-'), 'env')): UpProcess {
  const child: ChildProcess = spawn(process.execPath, harnessArgs(['up', scenario, '--env-file', envFile, ...extraArgs]), {
    cwd: ROOT,
    env: withoutAwsVariables(process.env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start aws-oidc-harness up');
  return {
    pid,
    envFile,
    exited,
    stderr: () => stderr,
    descendants: () => descendantsOf(pid),
    async ready(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const values = readCompleteEnvFile(envFile);
        if (values) return values;
        if (exit) throw new Error(`up exited (${exit.code ?? exit.signal}) before it was ready:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`up was not ready within ${timeoutMs} ms:\n${stderr}`);
    },
    async stop(signal = 'SIGINT') {
      if (!exit) child.kill(signal);
      return exited;
    },
  };
}

function readCompleteEnvFile(file: string): Record<string, string> | undefined {
  if (!existsSync(file)) return undefined;
  const values = parse(readFileSync(file, 'utf8'));
  return values.AWS_ENDPOINT_URL && values.HARNESS_TOKEN_SECRET ? values : undefined;
}

/** `up` on the seed scenario (moto), started once before the calling file's tests and stopped after them. */
export function seedUpForFile(): { readonly up: UpProcess; readonly values: Record<string, string> } {
  const state: { up?: UpProcess; values?: Record<string, string> } = {};
  test.beforeAll(async () => {
    state.up = startUp(SEED, ['--target', 'moto']);
    state.values = await state.up.ready();
  });
  test.afterAll(async () => {
    await state.up?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('`up` has not started yet: use this inside a test or hook');
    return value;
  };
  return {
    get up() {
      return started(state.up);
    },
    get values() {
      return started(state.values);
    },
  };
}
