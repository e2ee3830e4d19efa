import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AwsBackend } from '../../harness/backends/aws/aws-backend.js';
import type { AwsCredentials } from '../../harness/backends/types.js';
import { isHarnessError } from '../../harness/errors.js';
import { FakeAws } from './fake-aws.js';

const CREDS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-real-secret' };
const noEnvFile = path.join(tmpdir(), 'no-such-dir', '.env');

function backend(fake: FakeAws, env: NodeJS.ProcessEnv, envFile = noEnvFile, seen?: (c: AwsCredentials, region: string) => void) {
  return new AwsBackend({
    env,
    envFile,
    runId: 'run-1',
    clients: (credentials, region) => (seen?.(credentials, region), fake.clients()),
  });
}

test('without credentials in the environment or .env: AWS_CREDENTIALS_MISSING', async () => {
  const error = await backend(new FakeAws(), {}).start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'AWS_CREDENTIALS_MISSING')).toBe(true);
});

test('an account not listed in AWS_ALLOWED_ACCOUNT_IDS is refused before anything is created', async () => {
  const fake = new FakeAws('999988887777');
  const error = await backend(fake, { ...CREDS, AWS_ALLOWED_ACCOUNT_IDS: '111122223333' }).start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'AWS_ACCOUNT_NOT_ALLOWED')).toBe(true);
  expect(String(error)).toContain('999988887777');
  expect(fake.calls).toEqual(['GetCallerIdentity']);
  const unset = await backend(fake, CREDS).start().catch((e: unknown) => e);
  expect(isHarnessError(unset, 'AWS_ACCOUNT_NOT_ALLOWED')).toBe(true);
});

test('credentials and settings come from .env when the environment lacks them; the environment wins', async () => {
  const envFile = path.join(mkdtempSync(path.join(tmpdir(), 'aws-env-')), '.env');
  writeFileSync(envFile, 'AWS_ACCESS_KEY_ID=AKIDFROMFILE\nAWS_SECRET_ACCESS_KEY=file-secret\nAWS_REGION=eu-central-1\nAWS_ALLOWED_ACCOUNT_IDS=999988887777\n');
  let used: { credentials: AwsCredentials; region: string } | undefined;
  const started = await backend(new FakeAws(), {}, envFile, (credentials, region) => (used = { credentials, region })).start();
  expect(used).toEqual({ credentials: { accessKeyId: 'AKIDFROMFILE', secretAccessKey: 'file-secret' }, region: 'eu-central-1' });
  expect(started.region()).toBe('eu-central-1');
  await backend(new FakeAws(), { AWS_ACCESS_KEY_ID: 'AKIDFROMENV' }, envFile, (credentials) => (used = { credentials, region: '' })).start();
  expect(used?.credentials.accessKeyId).toBe('AKIDFROMENV');
});

test('an allowed account starts: AWS enforces federation itself; other account ids are refused', async () => {
  const started = await backend(new FakeAws(), { ...CREDS, AWS_ALLOWED_ACCOUNT_IDS: '111122223333, 999988887777' }).start();
  expect(started.describe()).toEqual({ kind: 'aws', label: 'AWS account 999988887777', enforcesFederation: true });
  expect(started.accountId()).toBe('999988887777');
  started.selectAccount('999988887777');
  expect(() => started.selectAccount('123456789012')).toThrow(expect.objectContaining({ code: 'AWS_ACCOUNT_NOT_ALLOWED' }));
  const mismatch = await backend(new FakeAws(), { ...CREDS, AWS_ALLOWED_ACCOUNT_IDS: '999988887777' })
    .start({ accountId: '123456789012' })
    .catch((e: unknown) => e);
  expect(isHarnessError(mismatch, 'AWS_ACCOUNT_NOT_ALLOWED')).toBe(true);
});

test('reset and stop delete exactly what carries this run tag', async () => {
  const fake = new FakeAws();
  const ours = [{ Key: 'aws-oidc-harness:run', Value: 'run-1' }];
  const theirs = [{ Key: 'aws-oidc-harness:run', Value: 'run-2' }];
  fake.roles.set('ours', { tags: ours, inline: ['policy-0'], attached: ['arn:policy/ours'] });
  fake.roles.set('theirs', { tags: theirs, inline: [], attached: [] });
  fake.roles.set('untagged', { tags: [], inline: [], attached: [] });
  fake.policies.set('arn:policy/ours', ours).set('arn:policy/theirs', []);
  fake.providers.set('arn:oidc/ours', ours).set('arn:oidc/theirs', theirs);
  fake.secrets.set('arn:secret/ours', ours).set('arn:secret/theirs', []);
  const started = await backend(fake, { ...CREDS, AWS_ALLOWED_ACCOUNT_IDS: '999988887777' }).start();
  await started.reset();
  expect([...fake.roles.keys()]).toEqual(['theirs', 'untagged']);
  expect([...fake.policies.keys()]).toEqual(['arn:policy/theirs']);
  expect([...fake.providers.keys()]).toEqual(['arn:oidc/theirs']);
  expect([...fake.secrets.keys()]).toEqual(['arn:secret/theirs']);
  fake.secrets.set('arn:secret/ours-again', ours);
  await started.stop();
  expect([...fake.secrets.keys()]).toEqual(['arn:secret/theirs']);
});
