/**
 * The SDK's standard web-identity path against `up`: AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN +
 * AWS_ENDPOINT_URL, resolved by the default credential chain, with no credentials in code.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { tempDir } from '../cli/cli-helpers.js';
import { endpointOnly, isolatedAws } from './aws-env.js';
import { mintToken } from './aws-cli-steps.js';
import { runProcess } from './run-process.js';
import { READER_ROLE_ARN, seedUpForFile, TRUSTED_SUB, UNTRUSTED_SUB } from './up-process.js';

const PROGRAM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/read-secrets.mjs');
const MODES = ['default-client', 'node-provider-chain', 'token-file'] as const;

test.describe.configure({ timeout: 120_000 });

const seed = seedUpForFile();

interface Outcome {
  secret: string;
  outcome: string;
  message?: string;
}

/** a workspace's environment: the token in a private file, the role, and the endpoint; no keys at all */
async function workspaceEnv(sub: string): Promise<NodeJS.ProcessEnv> {
  const { env } = isolatedAws();
  const tokenFile = path.join(tempDir('harness-token-'), 'token');
  writeFileSync(tokenFile, await mintToken(env, seed.up.envFile, ['--sub', sub]), { mode: 0o600 });
  return { ...env, ...endpointOnly(seed.values), AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: READER_ROLE_ARN };
}

async function readSecrets(mode: string, env: NodeJS.ProcessEnv, secrets: string[]): Promise<Outcome[]> {
  const ran = await runProcess(process.execPath, [PROGRAM, mode, ...secrets], env);
  expect(ran.code, ran.stderr).toBe(0);
  return ran.stdout.trim().split('\n').map((line) => JSON.parse(line) as Outcome);
}

for (const mode of MODES) {
  test(`${mode}: a trusted workspace reads the connection string but not the payments key`, async () => {
    const outcomes = await readSecrets(mode, await workspaceEnv(TRUSTED_SUB), ['database_connection_string', 'payments_api_key']);
    expect(outcomes.map((o) => [o.secret, o.outcome])).toEqual([
      ['database_connection_string', 'allowed'],
      ['payments_api_key', 'AccessDeniedException'],
    ]);
    expect(outcomes[1]?.message).toMatch(/^User: arn:aws:sts::123456789012:assumed-role\/gitpod-secrets-reader\/\S+ is not authorized/);
  });
}

test('token-file: an untrusted workspace gets no credentials: the SDK reports AWS\'s AccessDenied', async () => {
  const outcomes = await readSecrets('token-file', await workspaceEnv(UNTRUSTED_SUB), ['database_connection_string']);
  expect(outcomes).toEqual([
    { secret: 'database_connection_string', outcome: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
  ]);
});
