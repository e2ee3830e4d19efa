import { expect, test } from '@playwright/test';
import path from 'node:path';
import { loadScenarioFile, loadScenarios } from '../../harness/scenario/index.js';
import { MINIMAL, ScenarioDir, errorLines } from './scenario-dir.js';

let dir: ScenarioDir;
test.beforeEach(() => {
  dir = new ScenarioDir();
});
test.afterEach(() => dir.remove());

const FULL = `# yaml-language-server: $schema=./scenario.schema.json
id: full-example
title: Every key
idp:
  profile: gitpod-flex
  issuer: https://app.gitpod.io
  options: { subFormat: key-value }
aws:
  accountId: "210987654321"
  region: eu-west-1
  providers:
    - url: https://app.gitpod.io
      clientIds: [sts.amazonaws.com, other]
      thumbprints: ["0123456789abcdef0123456789abcdef01234567"]
  roles:
    - name: reader
      trustPolicy: ./policies/trust.json
      policies:
        - { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "secretsmanager:GetSecretValue", Resource: "arn:aws:secretsmanager:eu-west-1:\${AccountId}:secret:db-*" }] }
      managedPolicies:
        - { name: extra, document: ./policies/extra.json }
      permissionsBoundary: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
      maxSessionDuration: 7200
      strict: true
  secrets:
    - name: db
      value: canary-db
      resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: Deny, Principal: "*", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": "\${AccountId}" } } }] }
cases:
  - name: first
    assume: { role: reader }
    expect: { assume: allowed }
  - name: second
    token:
      claims: { sub: "org:1", context: null }
      audience: [sts.amazonaws.com]
      issuer: https://elsewhere.example
      expiresIn: -60
      tamper: alg-none
    assume:
      role: "arn:aws:iam::210987654321:role/other"
      sessionName: s-1
      durationSeconds: 900
      policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
    reads: [db]
    idp: { faults: [jwks-500, rotate-after-mint] }
    clock: { advanceBeforeReads: 4000 }
    tamperReadSignature: true
    expect:
      assume: InvalidIdentityToken
      message: Token is expired
      reads: { db: ExpiredTokenException }
`;

test('a file using every key loads into the model, with policy files read and variables substituted', () => {
  const trust = (federated: string) => ({ Statement: [{ Effect: 'Allow', Principal: { Federated: federated }, Action: 'sts:AssumeRoleWithWebIdentity' }] });
  const extra = (account: string) => ({ Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${account}:role/*` }] });
  dir.write('policies/trust.json', JSON.stringify(trust('${ProviderArn}')));
  dir.write('policies/extra.json', JSON.stringify(extra('${AccountId}')));
  const file = dir.write('full.scenario.yaml', FULL);
  const s = loadScenarioFile(file);
  expect(s.id).toBe('full-example');
  expect(s.file).toBe(file);
  expect(s.idp).toEqual({ profile: 'gitpod-flex', issuer: 'https://app.gitpod.io', options: { subFormat: 'key-value' } });
  expect(s.aws.accountId).toBe('210987654321');
  expect(s.aws.region).toBe('eu-west-1');
  expect(s.aws.providers).toEqual([
    { url: 'https://app.gitpod.io', clientIds: ['sts.amazonaws.com', 'other'], thumbprints: ['0123456789abcdef0123456789abcdef01234567'] },
  ]);
  const role = s.aws.roles[0]!;
  expect(role.trustPolicy).toEqual(trust('arn:aws:iam::210987654321:oidc-provider/app.gitpod.io'));
  expect(JSON.stringify(role.policies[0])).toContain('arn:aws:secretsmanager:eu-west-1:210987654321:secret:db-*');
  expect(role.managedPolicies).toEqual([{ name: 'extra', document: extra('210987654321') }]);
  expect(role.permissionsBoundary).toBeDefined();
  expect(role.maxSessionDuration).toBe(7200);
  expect(role.strict).toBe(true);
  expect(JSON.stringify(s.aws.secrets[0]!.resourcePolicy)).toContain('"aws:PrincipalAccount":"210987654321"');
  const [first, second] = s.cases;
  expect(first).toMatchObject({ path: 'cases[0]', token: { claims: {} }, reads: [], idpFaults: [], expect: { reads: {} } });
  expect(second).toMatchObject({
    path: 'cases[1]',
    token: { claims: { sub: 'org:1', context: null }, audience: ['sts.amazonaws.com'], issuer: 'https://elsewhere.example', expiresIn: -60, tamper: 'alg-none' },
    assume: { role: 'arn:aws:iam::210987654321:role/other', sessionName: 's-1', durationSeconds: 900 },
    reads: ['db'],
    idpFaults: ['jwks-500', 'rotate-after-mint'],
    advanceClockBeforeReads: 4000,
    tamperReadSignature: true,
    expect: { assume: 'InvalidIdentityToken', message: 'Token is expired', reads: { db: 'ExpiredTokenException' } },
  });
});

test('defaults: account, region, one provider for the issuer with sts.amazonaws.com, title = id', () => {
  const s = loadScenarioFile(dir.write('m.scenario.yaml', MINIMAL.replace('title: Minimal\n', '')));
  expect(s.title).toBe('minimal');
  expect(s.aws.accountId).toBe('123456789012');
  expect(s.aws.region).toBe('us-east-1');
  expect(s.aws.providers).toEqual([{ url: 'https://api.gitpod.io/idp', clientIds: ['sts.amazonaws.com'], thumbprints: [] }]);
  expect(s.aws.roles[0]!.trustPolicy).toMatchObject({
    Statement: [{ Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/api.gitpod.io/idp' } }],
  });
  expect(s.aws.roles[0]!.strict).toBe(false);
});

test('IAM policy variables other than AccountId and ProviderArn are left alone', () => {
  const text = MINIMAL.replace(
    'Action: sts:AssumeRoleWithWebIdentity\n',
    'Action: sts:AssumeRoleWithWebIdentity\n      policies: [{ Statement: [{ Effect: Allow, Action: "*", Resource: "arn:aws:s3:::${aws:username}/${AccountId}" }] }]\n',
  );
  const s = loadScenarioFile(dir.write('m.scenario.yaml', text));
  expect(JSON.stringify(s.aws.roles[0]!.policies[0])).toContain('${aws:username}/123456789012');
});

test('directories: every *.scenario.yaml below, sorted; other files ignored', () => {
  dir.write('b/z.scenario.yaml', MINIMAL.replace('id: minimal', 'id: z-last'));
  dir.write('a.scenario.yaml', MINIMAL.replace('id: minimal', 'id: a-first'));
  dir.write('b/notes.yaml', 'not: a scenario');
  const ids = loadScenarios([dir.root]).map((s) => s.id);
  expect(ids).toEqual(['a-first', 'z-last']);
});

test('a file named twice (directly and through its directory) is loaded once', () => {
  const file = dir.write('a.scenario.yaml', MINIMAL);
  expect(loadScenarios([file, dir.root])).toHaveLength(1);
});

test('a missing file or a directory without scenarios is FILE_NOT_FOUND', () => {
  expect(errorLines('FILE_NOT_FOUND', () => loadScenarios([path.join(dir.root, 'nope.scenario.yaml')]))).toHaveLength(1);
  dir.write('empty/readme.md', '');
  const lines = errorLines('FILE_NOT_FOUND', () => loadScenarios([path.join(dir.root, 'empty')]));
  expect(lines[0]).toContain('empty');
  expect(errorLines('FILE_NOT_FOUND', () => loadScenarioFile(path.join(dir.root, 'gone.scenario.yaml')))).toHaveLength(1);
});
