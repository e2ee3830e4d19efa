/**
 * The security suites' world: moto (worker-scoped) behind the real gate, a mock Gitpod IdP, and an account
 * shaped for attacks. Every secret holds a fresh random canary; `leaks()` finds any of them (or credentials)
 * in an answer.
 *   reader   may read app/db in us-east-1 only; app/denied is denied explicitly, app/other implicitly
 *   stranger may read nothing (a stranger's workspace, trusted only for its own sub)
 *   target   trusts the account root; a session needs sts:AssumeRole to get in (none has it)
 */
import { randomBytes } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { Hash } from '@smithy/hash-node';
import { CreateOpenIDConnectProviderCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleWithWebIdentityCommand, STSClient, type AssumeRoleWithWebIdentityCommandInput } from '@aws-sdk/client-sts';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { motoPerWorker } from '../backends/fixtures/moto-per-worker.js';
import type { AwsCredentials, StartedBackend } from '../../harness/backends/types.js';
import { ManualClock } from '../../harness/clock.js';
import { startGate } from '../../harness/gate/index.js';
import type { GateOptions, StartedGate } from '../../harness/gate/types.js';
import { createMockIdp } from '../../harness/idp/index.js';
import type { MockIdp } from '../../harness/idp/types.js';
import type { RawAnswer, RawRequest } from './raw-http.js';

export const ISSUER = 'https://api.gitpod.io/idp';
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const OTHER_REGION = 'eu-west-1';
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/api.gitpod.io/idp`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const READER_SUB = 'https://github.com/acme/app';
export const STRANGER_SUB = 'https://github.com/stranger/app';
const secretArnPattern = (region: string, name: string) => `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${name}-??????`;

export type Credentials = AwsCredentials & { sessionToken?: string };

const trust = (sub: string) => ({
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow', Principal: { Federated: PROVIDER_ARN }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' }, StringLike: { 'api.gitpod.io/idp:sub': sub } },
  }],
});

const READER_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadDb', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [secretArnPattern(REGION, 'app/db'), secretArnPattern(REGION, 'app/denied')] },
    { Sid: 'Batch', Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
    { Sid: 'NeverDenied', Effect: 'Deny', Action: 'secretsmanager:*', Resource: secretArnPattern('*', 'app/denied') },
  ],
};

export interface Canaries {
  db: string;
  other: string;
  denied: string;
  euDb: string;
}

export interface SecurityWorld {
  clock: ManualClock;
  idp: MockIdp;
  backend: StartedBackend;
  gate: StartedGate;
  admin: Credentials;
  canaries: Canaries;
  reader: Credentials;
  stranger: Credentials;
  /** ARN of a managed policy that allows reading app/other only */
  otherOnlyPolicyArn: string;
  origin(): string;
  restartGate(options?: Partial<GateOptions>): Promise<StartedGate>;
  mint(sub?: string, claims?: Record<string, unknown>): Promise<string>;
  assume(role: string, token: string, input?: Partial<AssumeRoleWithWebIdentityCommandInput>): Promise<Credentials>;
  /** a SigV4-signed raw request (header signature) for `service` in `region` */
  signed(credentials: Credentials, request: SignInput): Promise<RawRequest>;
  /** canary values and credential fields found in `text` */
  leaks(text: string): string[];
}

export interface SignInput {
  service: string;
  region?: string;
  method?: string;
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  /** signing time (default: the world's clock) */
  signingDate?: Date;
}

export const test = base.extend<{ world: SecurityWorld }, { backend: StartedBackend }>({
  backend: motoPerWorker(ACCOUNT),
  world: async ({ backend }, use) => {
    await backend.reset();
    // the SDK signs with the real time; the gate's clock starts there and moves only when a test says so
    const clock = new ManualClock(new Date());
    const idp = await createMockIdp({ clock });
    idp.serve(ISSUER, 'gitpod');
    const admin = backend.credentials();
    const canaries = provisionCanaries();
    const otherOnlyPolicyArn = await provision(backend, canaries);
    let gate = await startGate({ backend, issuers: idp.issuers, clock, enforce: true });
    const stsClient = () => new STSClient({ endpoint: gate.endpoint(), region: REGION, maxAttempts: 1, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
    const world: SecurityWorld = {
      clock, idp, backend, admin, canaries, otherOnlyPolicyArn,
      get gate() {
        return gate;
      },
      reader: { accessKeyId: '', secretAccessKey: '' },
      stranger: { accessKeyId: '', secretAccessKey: '' },
      origin: () => gate.endpoint(),
      async restartGate(options = {}) {
        await gate.close();
        gate = await startGate({ backend, issuers: idp.issuers, clock, enforce: true, ...options });
        return gate;
      },
      async mint(sub = READER_SUB, claims = {}) {
        return (await idp.mint({ profile: 'gitpod', issuer: ISSUER, claims: { sub, ...claims } })).token;
      },
      async assume(role, token, input = {}) {
        const sts = stsClient();
        try {
          const out = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn(role), RoleSessionName: 'ws-1', WebIdentityToken: token, ...input }));
          const c = out.Credentials;
          return { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' };
        } finally {
          sts.destroy();
        }
      },
      signed: (credentials, input) => signRequest(gate.endpoint(), credentials, input, clock),
      leaks(text) {
        const found = Object.entries(canaries).filter(([, value]) => text.includes(value)).map(([name]) => `canary ${name}`);
        if (/AccessKeyId|ASIA[A-Z0-9]{12,}/.test(text)) found.push('credentials');
        return found;
      },
    };
    world.reader = await world.assume('reader', await world.mint(READER_SUB));
    world.stranger = await world.assume('stranger', await world.mint(STRANGER_SUB));
    await use(world);
    await gate.close();
    await idp.close();
  },
});

function provisionCanaries(): Canaries {
  const canary = (name: string) => `canary-${name}-${randomBytes(12).toString('hex')}`;
  return { db: canary('db'), other: canary('other'), denied: canary('denied'), euDb: canary('eu-db') };
}

/** straight to moto with the administrator's credentials; returns the managed policy's ARN */
async function provision(backend: StartedBackend, canaries: Canaries): Promise<string> {
  const credentials = backend.credentials();
  const endpoint = backend.endpoint();
  const iam = new IAMClient({ endpoint, region: REGION, credentials });
  const sm = new SecretsManagerClient({ endpoint, region: REGION, credentials });
  const smEu = new SecretsManagerClient({ endpoint, region: OTHER_REGION, credentials });
  try {
    await iam.send(new CreateOpenIDConnectProviderCommand({ Url: ISSUER, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['a'.repeat(40)] }));
    await iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: JSON.stringify(trust('https://github.com/acme/*')) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'read-db', PolicyDocument: JSON.stringify(READER_POLICY) }));
    await iam.send(new CreateRoleCommand({ RoleName: 'stranger', AssumeRolePolicyDocument: JSON.stringify(trust('https://github.com/stranger/*')) }));
    await iam.send(new CreateRoleCommand({
      RoleName: 'target',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }),
    }));
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'target', PolicyName: 'read-all',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }] }),
    }));
    const policy = await iam.send(new CreatePolicyCommand({
      PolicyName: 'other-only',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArnPattern(REGION, 'app/other') }] }),
    }));
    await sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: canaries.db }));
    await sm.send(new CreateSecretCommand({ Name: 'app/other', SecretString: canaries.other }));
    await sm.send(new CreateSecretCommand({ Name: 'app/denied', SecretString: canaries.denied }));
    await smEu.send(new CreateSecretCommand({ Name: 'app/db', SecretString: canaries.euDb }));
    return policy.Policy?.Arn ?? '';
  } finally {
    iam.destroy();
    sm.destroy();
    smEu.destroy();
  }
}

export async function signRequest(origin: string, credentials: Credentials, input: SignInput, clock: ManualClock): Promise<RawRequest> {
  const url = new URL(origin);
  const request = new HttpRequest({
    method: input.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: input.path ?? '/',
    query: input.query ?? {},
    headers: { host: url.host, ...(input.headers ?? {}) },
    body: input.body,
  });
  const signer = new SignatureV4({ credentials, region: input.region ?? REGION, service: input.service, sha256: Hash.bind(null, 'sha256') });
  const signed = (await signer.sign(request, { signingDate: input.signingDate ?? clock.now() })) as HttpRequest;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(signed.query ?? {})) for (const one of [v].flat()) if (one !== null) query.append(k, one);
  const qs = query.toString().replace(/\+/g, '%20');
  return { method: signed.method, path: `${signed.path}${qs ? `?${qs}` : ''}`, headers: { ...signed.headers }, ...(input.body !== undefined ? { body: input.body } : {}) };
}

/** a Secrets Manager JSON 1.1 call */
export const smCall = (operation: string, params: unknown, extra: Partial<SignInput> = {}): SignInput => ({
  service: 'secretsmanager',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `secretsmanager.${operation}` },
  body: typeof params === 'string' ? params : JSON.stringify(params),
  ...extra,
});

/** an AWS error code from a JSON (__type / x-amzn-errortype) or Query (XML <Code>) answer */
export function errorCode(answer: RawAnswer): string | undefined {
  const header = answer.headers['x-amzn-errortype'];
  if (typeof header === 'string' && header) return header.split(':')[0];
  const xml = /<Code>([^<]*)<\/Code>/.exec(answer.body)?.[1];
  if (xml) return xml;
  try {
    const type = (JSON.parse(answer.body) as { __type?: string }).__type;
    return type?.split('#').at(-1);
  } catch {
    return undefined;
  }
}

export function errorMessage(answer: RawAnswer): string | undefined {
  const xml = /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1];
  if (xml !== undefined) return xml;
  try {
    const body = JSON.parse(answer.body) as { message?: string; Message?: string };
    return body.message ?? body.Message;
  } catch {
    return undefined;
  }
}

/** a refusal as AWS gives one: a 4xx with an AWS error code (never HTML, never a 5xx), and nothing leaked */
export function expectRefused(world: SecurityWorld, answer: RawAnswer, codes?: readonly string[], status?: number): void {
  const summary = { status: answer.status, code: errorCode(answer), leaks: world.leaks(answer.body) };
  expect(summary.leaks, `answer leaks: ${summary.leaks.join(', ')}`).toEqual([]);
  expect(answer.status, `status (code ${summary.code ?? 'none'})`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `status (code ${summary.code ?? 'none'})`).toBeLessThan(500);
  expect(answer.body).not.toMatch(/<html|<!DOCTYPE/i);
  expect(summary.code, `an AWS error code in: ${answer.body.slice(0, 300)}`).toBeTruthy();
  if (codes) expect(codes).toContain(summary.code);
  if (status !== undefined) expect(answer.status).toBe(status);
}

export { expect };
