/**
 * The product's container shape for real: LocalStack and the mock IdP as containers on one network, the gate
 * in front, fetching the IdP's keys from the container. Cases that shift the harness clock are left out (the
 * container keeps its own clock). In CI (CI=true) a Docker engine that does not answer fails this test.
 */
import { expect, test } from '@playwright/test';
import { dockerAnswers } from '../../harness/backends/docker.js';
import { startEnvironment } from '../../harness/fixtures/environment.js';
import { runCase } from '../../harness/runner/run-case.js';
import { loadScenarios } from '../../harness/scenario/load.js';

test('the gate reaches the IdP container beside LocalStack: verdicts as expected', async () => {
  test.setTimeout(300_000);
  const docker = await dockerAnswers();
  if (process.env.CI) expect(docker, 'CI needs a Docker engine (.ci/run starts dockerd)').toBe(true);
  test.skip(!docker, 'no Docker engine answers');
  const [scenario] = loadScenarios(['scenarios/gitpod-aws.scenario.yaml']);
  await using environment = await startEnvironment({ target: 'localstack', endpoint: undefined, enforce: true }, { idp: 'container' });
  expect(environment.idp.origin).not.toBe('');
  const context = await environment.prepare(scenario!);
  const cases = scenario!.cases.filter((c) => !/expire/i.test(c.name));
  expect(cases.length).toBeGreaterThan(3);
  for (const spec of cases) {
    const result = await runCase(context, scenario!, spec);
    expect.soft(result.status, `${spec.name}: ${result.explanation.join(' ')}`).toBe('passed');
  }
  expect(cases.some((c) => c.expect.assume === 'allowed')).toBe(true);
});
