/**
 * Per-scenario account ids on LocalStack, through the gate: provisioning, assumption and reads all land in the
 * scenario's own account (LocalStack picks it from the 12-digit access key id; the gate accepts the
 * administrator key of whichever account is selected). Scenarios alternate between two accounts.
 * In CI (CI=true) a Docker engine that does not answer fails this test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { dockerAnswers } from '../../harness/backends/docker.js';
import { startEnvironment } from '../../harness/fixtures/environment.js';
import { runCase } from '../../harness/runner/run-case.js';
import { loadScenarios } from '../../harness/scenario/load.js';
import { tempDir } from '../cli/cli-helpers.js';

const SOURCE = 'scenarios/gitpod-aws.scenario.yaml';
const OTHER_ACCOUNT = '790285888667';

test('scenarios in two accounts, one after the other, pass on LocalStack behind the gate', async () => {
  test.setTimeout(300_000);
  const docker = await dockerAnswers();
  if (process.env.CI) expect(docker, 'CI needs a Docker engine (.ci/run starts dockerd)').toBe(true);
  test.skip(!docker, 'no Docker engine answers');
  const copy = path.join(tempDir(), 'other-account.scenario.yaml');
  const text = readFileSync(SOURCE, 'utf8');
  expect(text).toContain('123456789012');
  writeFileSync(copy, text.replaceAll('123456789012', OTHER_ACCOUNT).replace(/^id: .*$/m, 'id: gitpod-aws-other-account'));
  const [original] = loadScenarios([SOURCE]);
  const [other] = loadScenarios([copy]);
  expect(other!.aws.accountId).toBe(OTHER_ACCOUNT);

  await using environment = await startEnvironment({ target: 'localstack', endpoint: undefined, enforce: true });
  for (const scenario of [other!, original!, other!]) {
    const context = await environment.prepare(scenario);
    expect(Object.values(context.provisioned.roleArns).every((arn) => arn.includes(`::${scenario.aws.accountId}:`))).toBe(true);
    for (const spec of scenario.cases) {
      const result = await runCase(context, scenario, spec);
      expect.soft(result.status, `${scenario.id} › ${spec.name}: ${result.explanation.join(' ')}`).toBe('passed');
    }
  }
});
