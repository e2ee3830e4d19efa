/** Runs a short command to completion (probes, venv creation, pip). Injectable for tests. */
import { execFile } from 'node:child_process';

export interface CommandResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export type RunCommand = (file: string, args: readonly string[], options?: { timeoutMs?: number }) => Promise<CommandResult>;

export const runCommand: RunCommand = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(file, [...args], { timeout: options.timeoutMs ?? 60_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr || (error && !stderr ? error.message : '')) });
    });
  });
