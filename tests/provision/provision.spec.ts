import { expect, test } from '@playwright/test';
import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import { GetResourcePolicyCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { MotoBackend, type StartedMoto } from '../../harness/backends/moto/moto-backend.js';
import { RUN_TAG_KEY } from '../../harness/backends/run-tag.js';
import { isHarnessError } from '../../harness/errors.js';
import { createAdminClients, provisionScenario, PLACEHOLDER_THUMBPRINT } from '../../harness/provision/index.js';
import { loadScenarioFile } from '../../harness/scenario/index.js';
import { ScenarioDir } from '../scenario/scenario-dir.js';

test.describe.configure({ mode: 'serial' });

const SCENARIO = `id: provision-all
idp: { profile: gitpod, issuer: https://api.gitpod.io/idp }
aws:
  accountId: "111122223333"
  providers:
    - { url: https://api.gitpod.io/idp, clientIds: [sts.amazonaws.com, extra-aud] }
    - { url: https://token.actions.githubusercontent.com, thumbprints: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] }
  roles:
    - name: reader
      trustPolicy: ./trust.json
      policies:
        - { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: "*" }] }
      managedPolicies:
        - { name: reader-extra, document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:ListBucket", Resource: "*" }] } }
      permissionsBoundary: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "secretsmanager:*", Resource: "*" }] }
      maxSessionDuration: 7200
  secrets:
    - name: db
      value: canary-provision-db
      resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: Deny, Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": "\${AccountId}" } } }] }
cases: []
`;

let moto: StartedMoto;
let dir: ScenarioDir;
test.beforeAll(async () => {
  moto = await new MotoBackend().start({ accountId: '111122223333' });
  dir = new ScenarioDir();
});
test.afterAll(async () => {
  await moto?.stop();
  dir?.remove();
});

const target = () => ({ endpoint: moto.endpoint(), region: 'us-east-1', credentials: moto.credentials(), requestHeaders: moto.requestHeaders() });

test('everything is created and reads back, in the scenario account', async () => {
  dir.write('trust.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: '${ProviderArn}' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }));
  const scenario = loadScenarioFile(dir.write('p.scenario.yaml', SCENARIO));
  await moto.reset();
  const p = await provisionScenario(scenario, { ...target(), tags: { [RUN_TAG_KEY]: 'run-test' } });

  expect(p.accountId).toBe('111122223333');
  expect(p.providerArns).toEqual([
    'arn:aws:iam::111122223333:oidc-provider/api.gitpod.io/idp',
    'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
  ]);
  expect(p.roleArns).toEqual({ reader: 'arn:aws:iam::111122223333:role/reader' });
  expect(p.secretArns.db).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:db-\w{6}$/);

  const { iam, secrets } = createAdminClients(target());
  const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.providerArns[0] }));
  expect(provider.ClientIDList).toEqual(['sts.amazonaws.com', 'extra-aud']);
  expect(provider.ThumbprintList).toEqual([PLACEHOLDER_THUMBPRINT]);
  const github = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.providerArns[1] }));
  expect(github.ThumbprintList).toEqual(['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']);

  const role = (await iam.send(new GetRoleCommand({ RoleName: 'reader' }))).Role!;
  expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0].Principal.Federated).toBe(p.providerArns[0]);
  expect(role.MaxSessionDuration).toBe(7200);
  expect(role.PermissionsBoundary?.PermissionsBoundaryArn).toBe('arn:aws:iam::111122223333:policy/reader-boundary');
  const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'reader', PolicyName: 'policy-0' }));
  expect(decodeURIComponent(inline.PolicyDocument!)).toContain('secretsmanager:GetSecretValue');
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'reader' }));
  expect(attached.AttachedPolicies).toEqual([{ PolicyName: 'reader-extra', PolicyArn: 'arn:aws:iam::111122223333:policy/reader-extra' }]);
  expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'reader' }))).Tags).toEqual([{ Key: RUN_TAG_KEY, Value: 'run-test' }]);

  const value = await secrets.send(new GetSecretValueCommand({ SecretId: 'db' }));
  expect(value.SecretString).toBe('canary-provision-db');
  const policy = await secrets.send(new GetResourcePolicyCommand({ SecretId: 'db' }));
  expect(JSON.parse(policy.ResourcePolicy!).Statement[0].Condition.StringNotEquals['aws:PrincipalAccount']).toBe('111122223333');
});

test('a failing call is PROVISION_FAILED naming the resource and AWS message, never the secret value', async () => {
  const scenario = loadScenarioFile(dir.write('p.scenario.yaml', SCENARIO));
  const error = await provisionScenario(scenario, target()).catch((e: unknown) => e);
  expect(isHarnessError(error, 'PROVISION_FAILED')).toBe(true);
  expect(String(error)).toContain('OIDC provider https://api.gitpod.io/idp: CreateOpenIDConnectProvider failed: EntityAlreadyExists');
  expect(String(error)).not.toContain('canary-provision-db');
});

test('without any resource the account comes from GetCallerIdentity', async () => {
  const scenario = loadScenarioFile(dir.write('e.scenario.yaml', 'id: empty\nidp: { profile: generic, issuer: https://idp.example }\naws: { accountId: "111122223333", providers: [] }\n'));
  await moto.reset();
  expect(await provisionScenario(scenario, target())).toEqual({ accountId: '111122223333', providerArns: [], roleArns: {}, secretArns: {} });
});
