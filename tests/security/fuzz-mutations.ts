/**
 * Mutations of valid requests for the fuzz test, drawn from a seeded PRNG. `semantic` ones change the call
 * before it is signed (the signature stays valid: the gate's decoding and authorization are under test);
 * `raw` ones change the signed request's bytes (its authentication is under test).
 */
import type { RawRequest } from './raw-http.js';
import type { SignInput } from './world.js';

export type Random = () => number;

/** mulberry32: small, fast, reproducible from a 32-bit seed */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SECRETS = ['app/db', 'app/other', 'app/denied', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db', 'APP/OTHER', 'app/other ', 'app%2Fother', 'app/den\u0069ed'];
const OPERATIONS = ['GetSecretValue', 'BatchGetSecretValue', 'DescribeSecret', 'ListSecrets', 'PutResourcePolicy', 'PutSecretValue', 'DeleteSecret',
  'GetResourcePolicy', 'ListSecretVersionIds', 'RestoreSecret', 'UpdateSecret', 'CreateSecret', 'RotateSecret', 'TagResource', 'ValidateResourcePolicy'];
const CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'APPLICATION/X-AMZ-JSON-1.1', 'application/json',
  'application/x-www-form-urlencoded', 'Application/X-Www-Form-Urlencoded', 'text/plain', 'multipart/form-data; boundary=b',
  'application/x-amz-json-1.1; charset=utf-16', 'application/x-amz-json-1.1, application/x-www-form-urlencoded', ''];
const METHODS = ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'post', 'POST'];
const PATHS = ['//', '/moto-api/data.json', '/moto-api/reset', '/_localstack/health', '/./', '/%2F', '/secretsmanager', '/?', '/..', '/moto-api/', '/x/../'];

const targetMutations: ((t: string, r: Random) => string)[] = [
  (t) => t.toLowerCase(),
  (t) => t.toUpperCase(),
  (t) => t.replace(/^[^.]*\./, 'x.'),
  (t) => t.replace(/^[^.]*\./, ''),
  (t) => t.replace(/\.(.)/, (_m, c: string) => `.${c.toLowerCase()}`),
  (t) => ` ${t} `,
  (t) => `${t}.x`,
  (t) => t.replace('.', '..'),
  (t, r) => `secretsmanager.${pick(r, OPERATIONS)}`,
  (t, r) => `AWSSecurityTokenServiceV20110615.${pick(r, ['AssumeRole', 'GetCallerIdentity', 'AssumeRoleWithWebIdentity'])}`,
  (t) => `${t},${t}`,
  () => '',
];

const bodyMutations: ((b: string, r: Random) => string)[] = [
  (b) => b.replace(/}$/, ',"VersionStage":NaN}'),
  (b) => b.replace(/}$/, ',"x":Infinity}'),
  (b) => b.replace(/}$/, ',"x":-Infinity}'),
  (b, r) => b.replace(/^{/, `{"SecretId":${JSON.stringify(pick(r, SECRETS))},`),
  (b, r) => b.replace(/}$/, `,"SecretId":${JSON.stringify(pick(r, SECRETS))}}`),
  (b) => b.replace(/}$/, ',}'),
  (b) => `${b} {"SecretId":"app/other"}`,
  (b) => b.slice(0, Math.max(0, b.length - 2)),
  (b) => b.replace('SecretId', 'S\\u0065cretId'),
  (b) => b.replace('SecretId', 'secretid'),
  (b, r) => b.replace(/"SecretId":"[^"]*"/, `"SecretId":${pick(r, ['["app/other"]', '{"a":"app/other"}', '42', 'null', 'true', '"' + 'a'.repeat(3000) + '"'])}`),
  (b) => `\ufeff${b}`,
  () => 'Action=GetSecretValue&SecretId=app%2Fother',
  () => 'Action=BatchGetSecretValue&SecretIdList.member.1=app%2Fdenied',
  () => '',
  (b) => b.replace(/"/g, "'"),
  (b) => b.replace(/}$/, ',"SecretIdList":["app/other","app/denied"]}'),
  (b) => b.replace(/}$/, ',"Filters":[{"Key":"name","Values":["app"]}]}'),
  () => '{"ResourcePolicy":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}","SecretId":"app/other"}',
  (b) => b + '\u0000',
];

export interface Mutated {
  names: string[];
  input: SignInput;
}

/** one to three semantic mutations of `base` */
export function mutateSemantic(base: SignInput, random: Random, now: Date): Mutated {
  const input: SignInput = { ...base, headers: { ...(base.headers ?? {}) }, query: { ...(base.query ?? {}) } };
  const names: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const kind = Math.floor(random() * 10);
    const headers = input.headers!;
    switch (kind) {
      case 0: {
        const m = Math.floor(random() * targetMutations.length);
        headers['x-amz-target'] = targetMutations[m]!(headers['x-amz-target'] ?? 'secretsmanager.GetSecretValue', random);
        names.push(`target#${m}`);
        break;
      }
      case 1:
      case 2: {
        const m = Math.floor(random() * bodyMutations.length);
        input.body = bodyMutations[m]!(input.body ?? '{}', random);
        names.push(`body#${m}`);
        break;
      }
      case 3: {
        const ct = pick(random, CONTENT_TYPES);
        if (ct) headers['content-type'] = ct;
        else delete headers['content-type'];
        names.push(`content-type:${ct || 'none'}`);
        break;
      }
      case 4: {
        const q = pick(random, [
          { SecretId: 'app/other' }, { Action: 'GetSecretValue', SecretId: 'app/denied' }, { 'X-Amz-Target': 'secretsmanager.GetSecretValue' },
          { Action: ['GetCallerIdentity', 'GetSecretValue'] }, { SecretId: ['app/db', 'app/other'] }, { Action: 'AssumeRole', RoleArn: 'arn:aws:iam::123456789012:role/target', RoleSessionName: 'p' },
        ]);
        Object.assign(input.query!, q);
        names.push(`query:${Object.keys(q).join('+')}`);
        break;
      }
      case 5:
        input.method = pick(random, METHODS);
        names.push(`method:${input.method}`);
        break;
      case 6:
        input.path = pick(random, PATHS);
        names.push(`path:${input.path}`);
        break;
      case 7:
        input.region = pick(random, ['eu-west-1', 'us-west-2', 'US-EAST-1', 'aws-global', '']);
        names.push(`region:${input.region}`);
        break;
      case 8:
        input.service = pick(random, ['sts', 's3', 'iam', 'SecretsManager', 'execute-api']);
        names.push(`service:${input.service}`);
        break;
      default: {
        const shift = pick(random, [-20 * 60_000, 20 * 60_000, -3 * 86400_000, 3 * 86400_000, Date.UTC(2001, 0, 1) - now.getTime()]);
        input.signingDate = new Date(now.getTime() + shift);
        names.push(`date:${shift}`);
      }
    }
  }
  return { names, input };
}

/** one or two byte-level mutations of a signed request (most break the signature, some only add noise) */
export function mutateRaw(request: RawRequest, random: Random, adminKeyId: string): { names: string[]; request: RawRequest } {
  const headers: Record<string, string | string[]> = { ...(request.headers ?? {}) };
  let body = request.body === undefined ? undefined : Buffer.from(request.body);
  let path = request.path;
  const names: string[] = [];
  const count = 1 + Math.floor(random() * 2);
  for (let i = 0; i < count; i++) {
    const auth = String(headers.authorization ?? '');
    switch (Math.floor(random() * 10)) {
      case 0:
        headers['x-amz-target'] = [String(headers['x-amz-target'] ?? 'secretsmanager.ListSecrets'), 'secretsmanager.GetSecretValue'];
        names.push('dup-target');
        break;
      case 1:
        headers.authorization = [auth, auth.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`)];
        names.push('dup-authorization');
        break;
      case 2:
        headers.authorization = auth.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
        names.push('zero-signature');
        break;
      case 3:
        headers.authorization = auth.replace(/Credential=[^/]+/, `Credential=${adminKeyId}`);
        names.push('admin-key-id');
        break;
      case 4:
        headers.authorization = pick(random, [auth.toLowerCase(), auth.replace('AWS4-HMAC-SHA256', 'Bearer'), `Bearer ${auth}`, '']);
        names.push('auth-scheme');
        break;
      case 5: {
        const drop = pick(random, ['x-amz-date', 'x-amz-security-token', 'authorization', 'x-amz-content-sha256', 'host']);
        delete headers[drop];
        names.push(`drop:${drop}`);
        break;
      }
      case 6:
        body = Buffer.concat([body ?? Buffer.alloc(0), Buffer.from(pick(random, [',"SecretId":"app/other"}', '&SecretId=app%2Fother', ' ', '\u0000']))]);
        names.push('append-body');
        break;
      case 7:
        headers[pick(random, ['content-encoding', 'x-amz-target', 'content-type', 'x-http-method-override'])] = pick(random, ['gzip', 'secretsmanager.GetSecretValue', 'application/x-www-form-urlencoded', 'PUT']);
        names.push('unsigned-header');
        break;
      case 8:
        path = `${path}${path.includes('?') ? '&' : '?'}${pick(random, ['SecretId=app%2Fother', 'Action=GetSecretValue', 'X-Amz-Signature=00', 'a=%ZZ'])}`;
        names.push('append-query');
        break;
      default:
        headers['content-type'] = [String(headers['content-type'] ?? 'application/x-amz-json-1.1'), 'application/x-www-form-urlencoded'];
        names.push('dup-content-type');
    }
  }
  return { names, request: { ...request, path, headers, ...(body === undefined ? {} : { body }) } };
}
