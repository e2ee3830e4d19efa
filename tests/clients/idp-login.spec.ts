/**
 * `aws-oidc-harness idp login aws` behaves like `gp idp login aws`: a token, the real CLI's
 * assume-role-with-web-identity, and the session's credentials in a profile the CLI then uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { endpointOnly, isolatedAws } from './aws-env.js';
import { getSecretName } from './aws-cli-steps.js';
import { awsErrorCode, awsErrorMessage, runHarness } from './run-process.js';
import { READER_ROLE_ARN, seedUpForFile, UNTRUSTED_SUB } from './up-process.js';

test.describe.configure({ timeout: 120_000 });

const seed = seedUpForFile();

function login(env: NodeJS.ProcessEnv, args: readonly string[]) {
  return runHarness(['idp', 'login', 'aws', '--role-arn', READER_ROLE_ARN, '--env-file', seed.up.envFile, ...args], env);
}

/** the names of the keys a profile holds in the credentials file (never their values) */
function profileKeys(credentialsFile: string, profile: string): string[] {
  let text = '';
  try {
    text = readFileSync(credentialsFile, 'utf8');
  } catch {
    return [];
  }
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${profile}]`)) ?? '';
  return [...section.matchAll(/^(\w+)\s*=/gm)].map((m) => m[1] as string).sort();
}

test('login writes the session into the profile, and the CLI reads the connection string with --profile', async () => {
  const { env, home } = isolatedAws();
  const before = Math.floor(Date.now() / 1000);
  const ran = await login(env, ['--profile', 'ws']);
  expect(ran.stderr).not.toContain('aws-oidc-harness:');
  expect(ran.code).toBe(0);
  expect(profileKeys(path.join(home, '.aws', 'credentials'), 'ws')).toEqual(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);

  const clientEnv = { ...env, ...endpointOnly(seed.values) };
  const read = await getSecretName(clientEnv, 'database_connection_string', ['--profile', 'ws']);
  expect(read.stderr).toBe('');
  expect(read.stdout.trim()).toBe('database_connection_string');

  // the denial names the session, which shows the session name gp uses: <workspace_id>-<unix seconds>
  const denied = await getSecretName(clientEnv, 'payments_api_key', ['--profile', 'ws']);
  expect(awsErrorCode(denied)).toBe('AccessDeniedException');
  const session = /assumed-role\/gitpod-secrets-reader\/([^ ]+) is not authorized/.exec(awsErrorMessage(denied) ?? '')?.[1];
  const [, workspace, seconds] = /^(.+)-(\d+)$/.exec(session ?? '') ?? [];
  expect(workspace).toBe('acme-app-abc123xyz');
  expect(Number(seconds)).toBeGreaterThanOrEqual(before);
  expect(Number(seconds)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
});

test('the profile alone reaches the environment: region and endpoint_url are in it, no AWS_* variable is needed', async () => {
  const { env, home } = isolatedAws();
  const ran = await login(env, ['--profile', 'ws']);
  expect(ran.code).toBe(0);
  const config = readFileSync(path.join(home, '.aws', 'config'), 'utf8');
  expect(config).toContain(`region = ${seed.values.AWS_REGION}`);
  expect(config).toContain(`endpoint_url = ${seed.values.AWS_ENDPOINT_URL}`);
  // as typed in the README after login: nothing but --profile
  const read = await getSecretName(env, 'database_connection_string', ['--profile', 'ws']);
  expect(read.stderr).toBe('');
  expect(read.stdout.trim()).toBe('database_connection_string');
});

test('--role-arn takes a role name, as scenarios do: the role of that name in the environment\'s account', async () => {
  const { env } = isolatedAws();
  const ran = await runHarness(['idp', 'login', 'aws', '--role-arn', 'gitpod-secrets-reader', '--env-file', seed.up.envFile, '--profile', 'byname'], env);
  expect(ran.stderr).toContain(`credentials for ${READER_ROLE_ARN} written to profile byname`);
  expect(ran.code).toBe(0);
  const read = await getSecretName(env, 'database_connection_string', ['--profile', 'byname']);
  expect(read.stdout.trim()).toBe('database_connection_string');
});

test('--role-arn that is neither an ARN nor a role name is a usage error (exit 2), not a CLI error', async () => {
  const { env } = isolatedAws();
  const ran = await runHarness(['idp', 'login', 'aws', '--role-arn', 'role/with spaces', '--env-file', seed.up.envFile], env);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toContain('--role-arn role/with spaces: neither an ARN');
});

test('login as an untrusted workspace fails with AWS\'s AccessDenied and writes no profile', async () => {
  const { env, home } = isolatedAws();
  const ran = await login(env, ['--profile', 'fork', '--sub', UNTRUSTED_SUB]);
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity');
  expect(profileKeys(path.join(home, '.aws', 'credentials'), 'fork')).toEqual([]);
});

test('login with --duration-seconds beyond the role\'s maximum fails with AWS\'s ValidationError', async () => {
  const { env } = isolatedAws();
  const ran = await login(env, ['--profile', 'long', '--duration-seconds', '43201']);
  expect(ran.code).toBe(1);
  expect(ran.stderr).toMatch(/An error occurred \(ValidationError\)/);
});

test('login without the AWS CLI fails clearly with exit 1', async () => {
  const { env } = isolatedAws();
  const ran = await login(env, ['--aws-cli', '/nonexistent/aws']);
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('the AWS CLI (`/nonexistent/aws`) is not installed or not on PATH');
  expect(ran.stderr).not.toContain('internal error');
});

test('login fails clearly when the CLI\'s output format is not JSON', async () => {
  const { env, home } = isolatedAws();
  const ran = await login({ ...env, AWS_DEFAULT_OUTPUT: 'text' }, ['--profile', 'text']);
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('`aws sts assume-role-with-web-identity` did not print JSON');
  expect(profileKeys(path.join(home, '.aws', 'credentials'), 'text')).toEqual([]);
});
