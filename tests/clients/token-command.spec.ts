/** `aws-oidc-harness token`: tokens from the running mock IdP, like `gp idp token`. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tempDir } from '../cli/cli-helpers.js';
import { isolatedAws } from './aws-env.js';
import { runHarness } from './run-process.js';
import { seedUpForFile } from './up-process.js';

test.describe.configure({ timeout: 120_000 });

const seed = seedUpForFile();
const env = isolatedAws().env;

function token(args: readonly string[], envFile = seed.up.envFile) {
  return runHarness(['token', '--env-file', envFile, ...args], env);
}

/** the claims inside a printed token, read without printing the token */
function payloadOf(printed: string): Record<string, unknown> {
  const parts = printed.trim().split('.');
  expect(parts.length, 'a compact JWS has three parts').toBe(3);
  return JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

test('with no options: one Gitpod token for sts.amazonaws.com from the scenario\'s issuer', async () => {
  const ran = await token([]);
  expect(ran.code).toBe(0);
  const claims = payloadOf(ran.stdout);
  expect(claims).toEqual(expect.objectContaining({ iss: 'https://api.gitpod.io/idp', aud: ['sts.amazonaws.com'], sub: 'https://github.com/acme/app' }));
  expect(typeof claims.exp).toBe('number');
});

test('--sub, repeated --audience and --claim shape the token; --decode prints its claims instead', async () => {
  const args = ['--sub', 'https://github.com/acme/other', '--audience', 'sts.amazonaws.com', '--audience', 'https://vault.acme.example',
    '--claim', 'workspace_id=ws-from-test', '--claim', 'seats=3', '--claim', 'context=null'];
  const decoded = await token([...args, '--decode']);
  expect(decoded.code).toBe(0);
  const claims = JSON.parse(decoded.stdout) as Record<string, unknown>;
  expect(claims).toEqual(expect.objectContaining({
    sub: 'https://github.com/acme/other',
    aud: ['sts.amazonaws.com', 'https://vault.acme.example'],
    workspace_id: 'ws-from-test',
    seats: 3,
  }));
  expect(claims).not.toHaveProperty('context');
  expect(decoded.stdout).not.toMatch(/eyJ[\w-]+\.eyJ/);

  const printed = await token(args);
  expect(payloadOf(printed.stdout)).toEqual(expect.objectContaining({ sub: 'https://github.com/acme/other', seats: 3 }));
});

test('a missing env file: exit 1 and a message that says to start up first', async () => {
  const ran = await token([], path.join(tempDir(), 'no-such-env'));
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('no-such-env: not found: start the environment first with `aws-oidc-harness up <scenario>`');
  expect(ran.stdout).toBe('');
});

test('an env file with the wrong secret cannot mint', async () => {
  const forged = path.join(tempDir(), 'env');
  writeFileSync(forged, readFileSync(seed.up.envFile, 'utf8').replace(/^HARNESS_TOKEN_SECRET=.*$/m, 'HARNESS_TOKEN_SECRET="guessed"'));
  const ran = await token([], forged);
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('the mock IdP refused to mint: unauthorized');
  expect(ran.stdout).toBe('');
});

test('an empty audience is refused as the IdP refuses it', async () => {
  const ran = await token(['--audience', '']);
  expect(ran.code).toBe(1);
  expect(ran.stderr).toContain('Must have at least one audience entry');
});

test('--claim without a value is a usage error (exit 2)', async () => {
  const ran = await token(['--claim', 'workspace_id']);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toContain('--claim workspace_id: expected key=value');
});
