/**
 * LocalStack Community 4.14 for real (Docker): reset() empties every account and region the run addressed,
 * and accounts stay apart (LocalStack picks the account from the 12-digit access key id).
 * In CI (CI=true) a Docker engine that does not answer fails these tests instead of skipping them.
 */
import { ListOpenIDConnectProvidersCommand, ListRolesCommand, CreateRoleCommand, CreateOpenIDConnectProviderCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { expect, test } from '@playwright/test';
import { dockerAnswers } from '../../harness/backends/docker.js';
import { LocalstackBackend, type StartedLocalstack } from '../../harness/backends/localstack/localstack-backend.js';
import { localstackCredentials } from '../../harness/backends/localstack/localstack-config.js';
import { createAdminClients } from '../../harness/provision/clients.js';

test.describe.configure({ mode: 'serial' });
let started: StartedLocalstack;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const docker = await dockerAnswers();
  if (process.env.CI) expect(docker, 'CI needs a Docker engine (.ci/run starts dockerd)').toBe(true);
  test.skip(!docker, 'no Docker engine answers');
  started = await new LocalstackBackend().start({ accountId: '111122223333', log: (l) => process.stderr.write(`${l}\n`) });
});
test.afterAll(async () => started?.stop());

const clientsOf = (accountId: string, region = 'us-east-1') =>
  createAdminClients({ endpoint: started.endpoint(), region, credentials: localstackCredentials(accountId) });
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [] });

async function fill(accountId: string, region: string, suffix: string): Promise<void> {
  const { iam, secrets } = clientsOf(accountId, region);
  await iam.send(new CreateRoleCommand({ RoleName: `role-${suffix}`, AssumeRolePolicyDocument: trust }));
  await iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://idp.example/${suffix}`, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['a'.repeat(40)] }));
  await secrets.send(new CreateSecretCommand({ Name: `secret-${suffix}`, SecretString: 'x' }));
}

async function contents(accountId: string, region = 'us-east-1') {
  const { iam, secrets } = clientsOf(accountId, region);
  return {
    roles: ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.Arn),
    providers: ((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []).length,
    secrets: ((await secrets.send(new ListSecretsCommand({}))).SecretList ?? []).map((s) => s.Name),
  };
}

test('accounts are kept apart by the access key id', async () => {
  await fill('111122223333', 'us-east-1', 'a');
  const other = await contents('444455556666');
  expect(other).toEqual({ roles: [], providers: 0, secrets: [] });
  expect((await contents('111122223333')).roles).toEqual(['arn:aws:iam::111122223333:role/role-a']);
});

test('reset empties every account and region the run selected, and nothing survives into the next scenario', async () => {
  started.selectAccount('444455556666', 'eu-west-1');
  await fill('444455556666', 'eu-west-1', 'b');
  expect((await contents('444455556666', 'eu-west-1')).secrets).toEqual(['secret-b']);
  await started.reset();
  for (const [account, region] of [['111122223333', 'us-east-1'], ['444455556666', 'eu-west-1']] as const) {
    expect(await contents(account, region), `${account} ${region}`).toEqual({ roles: [], providers: 0, secrets: [] });
  }
  // the same names can be created again: nothing half-deleted is left behind
  await fill('444455556666', 'eu-west-1', 'b');
  await started.reset();
  expect(await contents('444455556666', 'eu-west-1')).toEqual({ roles: [], providers: 0, secrets: [] });
});
