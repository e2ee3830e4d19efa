/**
 * Fuzz: at least 10,000 random mutations of valid requests (headers, targets, bodies, paths, methods, content
 * types, encodings, duplicated parameters), over keep-alive connections to the real gate on moto.
 * Oracle, per caller:
 *   stranger session (may read nothing): no canary and no credentials in any answer
 *   reader session: none of the canaries it is denied (app/other, app/denied, the eu-west-1 app/db), no credentials
 *   unsigned, or signed with a wrong secret, or a mutation that breaks the signature: no 2xx at all
 * and for everyone: no 5xx, every request answered, and the gate still answers afterwards; the secrets are unchanged.
 * FUZZ_SEED=<n> replays a run; FUZZ_COUNT=<n> changes its size.
 */
import http from 'node:http';
import { GetResourcePolicyCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mutateRaw, mutateSemantic, pick, prng, type Random } from './fuzz-mutations.js';
import { send, type RawAnswer, type RawRequest } from './raw-http.js';
import { errorCode, errorMessage, expect, roleArn, smCall, test, type Credentials, type SecurityWorld, type SignInput } from './world.js';

const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 4;

type CallerKind = 'stranger' | 'reader' | 'unsigned' | 'wrong-secret';

interface Base {
  caller: CallerKind;
  input: SignInput;
}

const FORM = 'application/x-www-form-urlencoded';
const query = (service: string, params: Record<string, string>): SignInput => ({
  service, headers: { 'content-type': FORM }, body: new URLSearchParams(params).toString(),
});
const openPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });

const BASES: Base[] = [
  ...(['stranger', 'reader'] as const).flatMap((caller): Base[] => [
    { caller, input: smCall('GetSecretValue', { SecretId: 'app/other' }) },
    { caller, input: smCall('GetSecretValue', { SecretId: 'app/denied' }) },
    { caller, input: smCall('GetSecretValue', { SecretId: 'app/db' }) },
    { caller, input: smCall('BatchGetSecretValue', { SecretIdList: ['app/db', 'app/other', 'app/denied'] }) },
    { caller, input: smCall('PutResourcePolicy', { SecretId: 'app/other', ResourcePolicy: openPolicy }) },
    { caller, input: smCall('PutSecretValue', { SecretId: 'app/other', SecretString: 'overwritten' }) },
    { caller, input: smCall('DeleteSecret', { SecretId: 'app/denied', ForceDeleteWithoutRecovery: true }) },
    { caller, input: smCall('ListSecrets', {}) },
    { caller, input: query('sts', { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: roleArn('target'), RoleSessionName: 'pivot' }) },
    { caller, input: query('iam', { Action: 'PutRolePolicy', Version: '2010-05-08', RoleName: caller, PolicyName: 'all', PolicyDocument: openPolicy }) },
    { caller, input: query('sts', { Action: 'GetCallerIdentity', Version: '2011-06-15' }) },
  ]),
  { caller: 'unsigned', input: smCall('GetSecretValue', { SecretId: 'app/db' }) },
  { caller: 'unsigned', input: query('sts', { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: roleArn('reader'), RoleSessionName: 'ws-1', WebIdentityToken: 'garbage.token.x' }) },
  { caller: 'wrong-secret', input: smCall('GetSecretValue', { SecretId: 'app/db' }) },
  { caller: 'wrong-secret', input: smCall('BatchGetSecretValue', { SecretIdList: ['app/db'] }) },
];

/** raw mutations after which no valid signature can remain */
const SIGNATURE_BREAKING = new Set(['zero-signature', 'admin-key-id', 'auth-scheme', 'drop:authorization', 'drop:x-amz-date', 'drop:x-amz-security-token']);

interface Finding {
  index: number;
  caller: CallerKind;
  mutations: string[];
  status: number;
  code?: string;
  message?: string;
  problem: string;
}

function credentialsOf(world: SecurityWorld, caller: CallerKind): Credentials | undefined {
  if (caller === 'stranger') return world.stranger;
  if (caller === 'reader') return world.reader;
  if (caller === 'wrong-secret') return { ...world.admin, secretAccessKey: 'not-the-admin-secret' };
  return undefined;
}

async function buildRequest(world: SecurityWorld, index: number, random: Random) {
  const base = pick(random, BASES);
  const semantic = random() < 0.6 ? mutateSemantic(base.input, random, world.clock.now()) : { names: [], input: base.input };
  const credentials = credentialsOf(world, base.caller);
  let request: RawRequest;
  if (credentials) {
    request = await world.signed(credentials, semantic.input);
  } else {
    // the unsigned caller: the same request as the signer would send it, without any signature
    const signed = await world.signed(world.admin, semantic.input);
    const { authorization: _a, 'x-amz-date': _d, 'x-amz-content-sha256': _c, ...headers } = signed.headers as Record<string, string>;
    request = { ...signed, headers };
  }
  const raw = semantic.names.length === 0 || random() < 0.4 ? mutateRaw(request, random, world.admin.accessKeyId) : { names: [], request };
  if (raw.names.length === 0 && semantic.names.length === 0) raw.names.push('none');
  return { index, caller: base.caller, mutations: [...semantic.names, ...raw.names], brokenSignature: raw.names.some((n) => SIGNATURE_BREAKING.has(n)), request: raw.request };
}

function judge(world: SecurityWorld, built: Awaited<ReturnType<typeof buildRequest>>, answer: RawAnswer): string | undefined {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  const leaks = world.leaks(answer.body);
  const ok = answer.status >= 200 && answer.status < 300;
  if (built.caller === 'stranger' && leaks.length > 0) return `false allow: ${leaks.join(', ')}`;
  if (built.caller === 'reader') {
    const denied = leaks.filter((l) => l !== 'canary db');
    if (denied.length > 0) return `false allow: ${denied.join(', ')}`;
  }
  if ((built.caller === 'unsigned' || built.caller === 'wrong-secret' || built.brokenSignature) && ok) {
    return `false allow: ${answer.status} to a caller without a valid signature${leaks.length ? ` (${leaks.join(', ')})` : ''}`;
  }
  return undefined;
}

test.describe.configure({ timeout: 400_000 });

test(`fuzz: ${COUNT} mutated requests, 0 false allows, 0 crashes, 0 5xx`, async ({ world }) => {
  console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED}), ${COUNT} requests`);
  test.info().annotations.push({ type: 'fuzz-seed', description: String(SEED) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const findings: Finding[] = [];
  const unanswered: { index: number; mutations: string[]; error: string }[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  let buildMs = 0;
  let sendMs = 0;
  const slowest: [number, string][] = [];
  const started = Date.now();
  const worker = async () => {
    while (next < COUNT) {
      const index = next++;
      const t0 = performance.now();
      const built = await buildRequest(world, index, prng((SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0));
      buildMs += performance.now() - t0;
      let answer: RawAnswer;
      try {
        const t1 = performance.now();
        answer = await send(world.origin(), { ...built.request, agent });
        const took = performance.now() - t1;
        sendMs += took;
        slowest.push([took, built.mutations.join(' ') + ' ' + built.caller]);
      } catch (e) {
        unanswered.push({ index, mutations: built.mutations, error: (e as Error).message });
        continue;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const problem = judge(world, built, answer);
      if (problem) findings.push({ index, caller: built.caller, mutations: built.mutations, status: answer.status, code: errorCode(answer), message: errorMessage(answer)?.slice(0, 160), problem });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${COUNT} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
    `${findings.length} findings, ${unanswered.length} unanswered`);
  console.log(`build ${buildMs.toFixed(0)} ms, send ${sendMs.toFixed(0)} ms`, slowest.sort((a, b) => b[0] - a[0]).slice(0, 8));
  for (const f of findings.slice(0, 15)) console.log(`  finding #${f.index} [${f.caller}] ${f.mutations.join(' ')} -> ${f.status} ${f.code ?? ''} "${f.message ?? ''}": ${f.problem}`);
  for (const u of unanswered.slice(0, 5)) console.log(`  unanswered #${u.index} ${u.mutations.join(' ')}: ${u.error}`);

  // the gate still answers, and nothing the fuzz sent changed the secrets
  const after = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'app/db' })));
  expect(after.status).toBe(200);
  const direct = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.admin });
  const values = await Promise.all(['app/db', 'app/other', 'app/denied'].map(async (id) => (await direct.send(new GetSecretValueCommand({ SecretId: id }))).SecretString));
  const policies = await Promise.all(['app/db', 'app/other', 'app/denied'].map(async (id) => (await direct.send(new GetResourcePolicyCommand({ SecretId: id }))).ResourcePolicy));
  direct.destroy();
  expect(values).toEqual([world.canaries.db, world.canaries.other, world.canaries.denied]);
  expect(policies).toEqual([undefined, undefined, undefined]);

  expect(findings.map((f) => `#${f.index} [${f.caller}] ${f.mutations.join(' ')}: ${f.problem}`).slice(0, 20)).toEqual([]);
  expect(unanswered.length).toBe(0);
  expect(COUNT).toBeGreaterThanOrEqual(Number(process.env.FUZZ_COUNT ?? 10_000));
});
