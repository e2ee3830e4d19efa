/** Running the real AWS CLI as a child process, with coded errors for the ways it can fail. */
import { spawn } from 'node:child_process';
import { HarnessError } from '../errors.js';

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function runAwsCli(args: readonly string[], env: NodeJS.ProcessEnv, executable = 'aws'): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new HarnessError('AWS_CLI_MISSING', `the AWS CLI (\`${executable}\`) is not installed or not on PATH: install it (e.g. \`pip install awscli\`) and try again`)
          : new HarnessError('AWS_CLI_FAILED', `could not run the AWS CLI: ${error.message}`),
      );
    });
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? 1 }));
  });
}

export function parseCliJson<T>(result: CliResult, command: string): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new HarnessError(
      'AWS_CLI_OUTPUT_NOT_JSON',
      `\`aws ${command}\` did not print JSON: set the output format to json (\`aws configure set output json\` or AWS_DEFAULT_OUTPUT=json)`,
    );
  }
}
