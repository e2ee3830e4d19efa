/** Runs a child process (the AWS CLI, the harness CLI, an SDK script) and captures its output. */
import { spawn } from 'node:child_process';
import { ROOT } from '../cli/cli-helpers.js';
import { harnessArgs } from './up-process.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** the harness CLI with exactly `env` (no inherited AWS variables unless `env` has them) */
export function runHarness(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return runProcess(process.execPath, harnessArgs(args), env);
}

export function aws(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return runProcess('aws', args, env);
}

/** the AWS error code of a failed CLI call: `An error occurred (Code) when calling ...` */
export function awsErrorCode(ran: Ran): string | undefined {
  return /An error occurred \(([^)]+)\)/.exec(ran.stderr)?.[1];
}

/** the error message after the code: `... operation: <message>` */
export function awsErrorMessage(ran: Ran): string | undefined {
  return /An error occurred \([^)]+\) when calling the \w+ operation: (.*)/.exec(ran.stderr)?.[1]?.trim();
}
