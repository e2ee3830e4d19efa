import { expect, test } from '@playwright/test';
import { CreateRoleCommand, ListOpenIDConnectProvidersCommand, ListPoliciesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { EndpointBackend } from '../../harness/backends/endpoint/endpoint-backend.js';
import { MotoBackend, type StartedMoto } from '../../harness/backends/moto/moto-backend.js';
import { freePort } from '../../harness/backends/free-port.js';
import { isHarnessError } from '../../harness/errors.js';
import { createAdminClients, provisionScenario } from '../../harness/provision/index.js';
import { loadScenarioFile } from '../../harness/scenario/index.js';
import { MINIMAL, ScenarioDir } from '../scenario/scenario-dir.js';

test.describe.configure({ mode: 'serial' });

let moto: StartedMoto;
test.beforeAll(async () => {
  moto = await new MotoBackend().start();
});
test.afterAll(async () => moto?.stop());

test('without --endpoint or AWS_ENDPOINT_URL: ENDPOINT_MISSING', async () => {
  const error = await new EndpointBackend({ env: {} }).start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'ENDPOINT_MISSING')).toBe(true);
  const notUrl = await new EndpointBackend({ endpoint: 'localhost 4566', env: {} }).start().catch((e: unknown) => e);
  expect(isHarnessError(notUrl, 'ENDPOINT_MISSING')).toBe(true);
});

test('AWS_ENDPOINT_URL is used when no endpoint is given', async () => {
  const started = await new EndpointBackend({ env: { AWS_ENDPOINT_URL: `${moto.endpoint()}/` } }).start();
  expect(started.endpoint()).toBe(moto.endpoint());
  expect(started.describe()).toEqual({ kind: 'endpoint', label: moto.endpoint(), enforcesFederation: false });
});

test('an endpoint that does not answer is BACKEND_NOT_READY saying what was awaited', async () => {
  const url = `http://127.0.0.1:${await freePort()}`;
  const error = await new EndpointBackend({ endpoint: url, readyTimeoutMs: 300 }).start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'BACKEND_NOT_READY')).toBe(true);
  expect(String(error)).toContain(`waited 300 ms for the emulator at ${url} to answer`);
});

test('reset deletes what this run created and nothing else; the account is selected', async () => {
  const dir = new ScenarioDir();
  try {
    const scenario = loadScenarioFile(dir.write('m.scenario.yaml', MINIMAL.replace('aws:\n', 'aws:\n  accountId: "222233334444"\n')));
    const backend = await new EndpointBackend({ endpoint: moto.endpoint(), runId: 'run-endpoint-test' }).start({ accountId: '222233334444' });
    const target = { endpoint: backend.endpoint(), region: backend.region(), credentials: backend.credentials(), requestHeaders: backend.requestHeaders() };
    const provisioned = await provisionScenario(scenario, { ...target, tags: { 'aws-oidc-harness:run': 'run-endpoint-test' } });
    expect(provisioned.accountId).toBe('222233334444');
    const { iam, secrets } = createAdminClients(target);
    await iam.send(new CreateRoleCommand({ RoleName: 'not-ours', AssumeRolePolicyDocument: '{}' }));
    await secrets.send(new CreateSecretCommand({ Name: 'not-ours', SecretString: 'x' }));

    await backend.reset();
    expect((await iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toEqual(['not-ours']);
    expect((await secrets.send(new ListSecretsCommand({}))).SecretList?.map((s) => s.Name)).toEqual(['not-ours']);
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual([]);
    expect((await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies).toEqual([]);
  } finally {
    dir.remove();
  }
});
