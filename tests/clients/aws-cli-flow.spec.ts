/**
 * The unmodified AWS CLI (v1, `aws` on PATH) against `up`: the README's flow with the seed scenario.
 * The CLI reaches the gate only through AWS_ENDPOINT_URL from the env file.
 */
import { expect, test } from '@playwright/test';
import { isolatedAws, sourced } from './aws-env.js';
import { assumeWithCli, getSecretName, mintToken } from './aws-cli-steps.js';
import { awsErrorCode, awsErrorMessage } from './run-process.js';
import { READER_ROLE_ARN, seedUpForFile, TRUSTED_SUB, UNTRUSTED_SUB } from './up-process.js';

test.describe.configure({ timeout: 120_000 });

const seed = seedUpForFile();
let env: NodeJS.ProcessEnv;

test.beforeAll(() => {
  env = sourced(isolatedAws().env, seed.values);
});

test('a trusted workspace assumes the role with the CLI and reads the database connection string with the returned credentials', async () => {
  const token = await mintToken(env, seed.up.envFile, ['--sub', TRUSTED_SUB]);
  const assumed = await assumeWithCli(env, READER_ROLE_ARN, token);
  expect(assumed.ran.stderr).toBe('');
  expect(assumed.ran.code).toBe(0);
  expect(assumed.credentials?.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);

  const read = await getSecretName({ ...env, ...assumed.credentials }, 'database_connection_string');
  expect(read.stderr).toBe('');
  expect(read.code).toBe(0);
  expect(read.stdout.trim()).toBe('database_connection_string');
});

test('a workspace on another owner\'s fork is turned away with AccessDenied', async () => {
  const token = await mintToken(env, seed.up.envFile, ['--sub', UNTRUSTED_SUB]);
  const assumed = await assumeWithCli(env, READER_ROLE_ARN, token);
  expect(assumed.ran.code).not.toBe(0);
  expect(awsErrorCode(assumed.ran)).toBe('AccessDenied');
  expect(awsErrorMessage(assumed.ran)).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  expect(assumed.credentials).toBeUndefined();
});

test('the trusted workspace cannot read the payments key: AccessDeniedException names its session', async () => {
  const token = await mintToken(env, seed.up.envFile, ['--sub', TRUSTED_SUB]);
  const assumed = await assumeWithCli(env, READER_ROLE_ARN, token, 'ws-2');
  expect(assumed.ran.code).toBe(0);

  const read = await getSecretName({ ...env, ...assumed.credentials }, 'payments_api_key');
  expect(read.code).not.toBe(0);
  expect(awsErrorCode(read)).toBe('AccessDeniedException');
  expect(awsErrorMessage(read)).toContain(
    'User: arn:aws:sts::123456789012:assumed-role/gitpod-secrets-reader/ws-2 is not authorized to perform: secretsmanager:GetSecretValue',
  );
});

test('the administrator credentials in the env file work for the CLI as they are', async () => {
  const read = await getSecretName(env, 'payments_api_key');
  expect(read.stderr).toBe('');
  expect(read.stdout.trim()).toBe('payments_api_key');
});
