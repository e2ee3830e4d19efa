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

export function writeUpState(envFile: string, state: UpState): void {
  const file = stateFileOf(envFile);
  const partial = `${file}.${process.pid}.partial`;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(partial, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(partial, file);
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
  rmSync(stateFileOf(envFile), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
