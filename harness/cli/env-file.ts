/** The dotenv file `up` writes for real clients, and its reading by `token` and `idp login aws`. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { HarnessError } from '../errors.js';

export const DEFAULT_ENV_FILE = '.harness/env';

export interface UpEnvironment {
  AWS_ENDPOINT_URL: string;
  AWS_REGION: string;
  AWS_DEFAULT_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  /** the control endpoint of the running `up` that mints tokens */
  HARNESS_TOKEN_URL: string;
  /** bearer secret for HARNESS_TOKEN_URL, so that only holders of the env file can mint */
  HARNESS_TOKEN_SECRET: string;
  HARNESS_IDP_ISSUER: string;
  HARNESS_IDP_PROFILE: string;
  HARNESS_SCENARIO: string;
  /** the scenario's account: `idp login aws --role-arn NAME` builds the role's ARN in it */
  HARNESS_ACCOUNT_ID: string;
}

/** Written whole (temp file + rename) so that a client polling for it never reads half of it. */
export function writeEnvFile(file: string, values: UpEnvironment): void {
  const lines = Object.entries(values).map(([k, v]) => `${k}=${JSON.stringify(String(v))}`);
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(partial, `# written by aws-oidc-harness up; removed when it stops\n${lines.join('\n')}\n`, { mode: 0o600 });
    renameSync(partial, file);
  } catch (error) {
    removeEnvFile(partial);
    throw new HarnessError('ENV_FILE_UNWRITABLE', `${file}: cannot write the env file: ${(error as Error).message}`, { cause: error });
  }
}

export function readEnvFile(file: string): UpEnvironment {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HarnessError('ENV_FILE_MISSING', `${file}: not found: start the environment first with \`aws-oidc-harness up <scenario>\``);
  }
  const values = parse(text) as Partial<UpEnvironment>;
  for (const key of ['AWS_ENDPOINT_URL', 'HARNESS_TOKEN_URL', 'HARNESS_TOKEN_SECRET'] as const) {
    if (!values[key]) throw new HarnessError('ENV_FILE_MISSING', `${file}: ${key} is missing: was it written by \`aws-oidc-harness up\`?`);
  }
  return values as UpEnvironment;
}

/** best effort: stopping must go on when the file is already gone or cannot be removed */
export function removeEnvFile(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing to clean up
  }
}
