/**
 * A client in a container reaches the harness: the gate (and the token service of `up`) listen on the host's
 * loopback, which a container shares with `--network host` (Linux engines); the IdP container answers on
 * LocalStack's network as mock-idp:8080. The client image is the one the IdP container uses (a Node image).
 * In CI (CI=true) a Docker engine that does not answer fails this test.
 */
import { expect, test } from '@playwright/test';
import { GenericContainer, type StartedNetwork } from 'testcontainers';
import { dockerAnswers } from '../../harness/backends/docker.js';
import { StartedLocalstack } from '../../harness/backends/localstack/localstack-backend.js';
import { startEnvironment } from '../../harness/fixtures/environment.js';
import { IDP_CONTAINER_PORT, IDP_DEFAULT_ALIAS, IDP_IMAGE, startIdpContainer } from '../../harness/idp/container.js';
import { resolveIdpImage } from '../../harness/idp/node-image.js';
import { loadScenarios } from '../../harness/scenario/load.js';

/** runs `script` with node in a one-shot container and returns what it printed */
async function runClient(image: string, script: string, env: Record<string, string>, network: { mode: string } | { on: StartedNetwork }): Promise<string> {
  let container = new GenericContainer(image).withCommand(['node', '-e', script]).withEnvironment(env);
  container = 'mode' in network ? container.withNetworkMode(network.mode) : container.withNetwork(network.on);
  const started = await container.start();
  const logs = await started.logs();
  let out = '';
  await new Promise<void>((resolve) => {
    logs.on('data', (c: Buffer) => (out += c.toString())).on('end', resolve);
    setTimeout(resolve, 15_000);
  });
  await started.stop();
  return out;
}

test('a client container reaches the gate on the host network and the IdP container on LocalStack\'s network', async () => {
  test.setTimeout(300_000);
  const docker = await dockerAnswers();
  if (process.env.CI) expect(docker, 'CI needs a Docker engine (.ci/run starts dockerd)').toBe(true);
  test.skip(!docker, 'no Docker engine answers');
  test.skip(process.platform !== 'linux', 'host networking is a Linux engine feature');
  const [scenario] = loadScenarios(['scenarios/gitpod-aws.scenario.yaml']);
  await using environment = await startEnvironment({ target: 'localstack', endpoint: undefined, enforce: true }, {});
  const context = await environment.prepare(scenario!);
  const spec = scenario!.cases.find((c) => c.expect.assume === 'allowed')!;
  const minted = await environment.idp.mint({ profile: scenario!.idp.profile, issuer: scenario!.idp.issuer, claims: spec.token.claims, audience: spec.token.audience, options: scenario!.idp.options });
  const roleArn = context.provisioned.roleArns[spec.assume.role]!;
  const image = await resolveIdpImage(IDP_IMAGE);

  const body = new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: roleArn, RoleSessionName: 'client-container', WebIdentityToken: minted.token });
  const assume = `fetch(process.env.GATE, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: process.env.BODY })
    .then(async (r) => { const t = await r.text(); console.log('status', r.status, (t.match(/<Arn>([^<]+)<\\/Arn>/) || [])[1]); })
    .catch((e) => console.log('failed', e.message)).finally(() => setTimeout(() => 0, 300));`;
  const out = await runClient(image, assume, { GATE: environment.endpoint, BODY: body.toString() }, { mode: 'host' });
  expect(out).toContain(`status 200 ${roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/client-container`);

  const network = (environment.backend as StartedLocalstack).dockerNetwork()!;
  const idp = await startIdpContainer(network, []);
  try {
    expect(idp.networkOrigin).toBe(`http://${IDP_DEFAULT_ALIAS}:${IDP_CONTAINER_PORT}`);
    const health = `fetch(process.env.IDP + '/_mock/health').then((r) => console.log('idp', r.status)).catch((e) => console.log('failed', e.message));`;
    expect(await runClient(image, health, { IDP: idp.networkOrigin }, { on: network })).toContain('idp 200');
  } finally {
    await idp.idp.close();
  }
});
