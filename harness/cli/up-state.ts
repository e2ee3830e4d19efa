/**
 * How a running `up` tells `wait` (another process) where it is: `<env-file>.state`, a small JSON file with up's
 * pid and `starting` | `ready` | `failed` (with the reason). Written whole (temp file + rename).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type UpState =
  | { state: 'starting'; pid: number }
  | { state: 'ready'; pid: number }
  | { state: 'failed'; pid: number; reason: string };

export function stateFileOf(envFile: string): string {
  return `${envFile}.state`;
}

/**
 * Best effort: where the state cannot be written the env file cannot be either, and up reports that itself
 * (with moto already started, so the failed start is torn down); `wait` then runs into its timeout.
 */
export function writeUpState(envFile: string, state: UpState): void {
  const file = stateFileOf(envFile);
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(partial, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    removeQuietly(partial);
  }
}

/** the state and when it was written */
export function readUpState(envFile: string): (UpState & { writtenAtMs: number }) | undefined {
  try {
    const writtenAtMs = statSync(stateFileOf(envFile)).mtimeMs;
    const parsed = JSON.parse(readFileSync(stateFileOf(envFile), 'utf8')) as Partial<UpState>;
    if (typeof parsed.pid !== 'number') return undefined;
    if (parsed.state === 'failed') return { state: 'failed', pid: parsed.pid, reason: String(parsed.reason ?? 'unknown'), writtenAtMs };
    if (parsed.state === 'starting' || parsed.state === 'ready') return { state: parsed.state, pid: parsed.pid, writtenAtMs };
    return undefined;
  } catch {
    return undefined;
  }
}

export function removeUpState(envFile: string): void {
  removeQuietly(stateFileOf(envFile));
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing to remove, or nowhere it could have been written
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
