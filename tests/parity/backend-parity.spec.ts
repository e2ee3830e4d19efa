/**
 * Backend parity: every shipped scenario (scenarios/**) gives the same verdict, message and read outcomes
 * on moto and on LocalStack, both behind the gate. Runs whenever a Docker engine answers; in CI (CI=true)
 * a Docker engine that does not answer fails the test instead of skipping it.
 * LocalStack's image: LOCALSTACK_IMAGE, else the pinned default.
 */
import { expect, test } from '@playwright/test';
import { dockerAnswers } from '../../harness/backends/docker.js';
import { startEnvironment, type HarnessEnvironment } from '../../harness/fixtures/environment.js';
import type { CaseResult } from '../../harness/report/model.js';
import { runCase } from '../../harness/runner/run-case.js';
import { loadScenarios } from '../../harness/scenario/load.js';
import type { Scenario } from '../../harness/scenario/model.js';

const scenarios = loadScenarios(['scenarios']);
const log = (line: string) => process.stderr.write(`[parity] ${line}\n`);

/** AWS's expiry message carries the clock's epoch seconds, which differ between the two passes */
const withoutEpochs = (message: string | null | undefined) => message?.replace(/(?<!\d)\d{10}(?!\d)/g, '<epoch seconds>') ?? null;

/** what must not differ between backends */
const verdict = (r: CaseResult) => ({ status: r.status, assume: r.observed.assume, message: withoutEpochs(r.observed.message), reads: r.observed.reads ?? {} });

async function runAll(environment: HarnessEnvironment, list: readonly Scenario[]): Promise<Map<string, CaseResult>> {
  const results = new Map<string, CaseResult>();
  for (const scenario of list) {
    const context = await environment.prepare(scenario);
    for (const spec of scenario.cases) results.set(`${scenario.id} › ${spec.name}`, await runCase(context, scenario, spec));
  }
  return results;
}

test('every shipped scenario gives the same verdicts, messages and reads on moto and LocalStack', async () => {
  test.setTimeout(20 * 60_000);
  const docker = await dockerAnswers();
  // In CI (.ci/run starts dockerd) a Docker engine that does not answer must fail, not skip.
  if (process.env.CI) expect(docker, 'CI needs a Docker engine for the parity suite (.ci/run starts dockerd)').toBe(true);
  test.skip(!docker, 'no Docker engine answers: the LocalStack side of the parity suite cannot run');
  expect(scenarios.reduce((n, s) => n + s.cases.length, 0)).toBeGreaterThan(90);

  const settings = { endpoint: undefined, enforce: true } as const;
  const outcomes: Record<'moto' | 'localstack', Map<string, CaseResult>> = { moto: new Map(), localstack: new Map() };
  for (const target of ['moto', 'localstack'] as const) {
    const began = Date.now();
    await using environment = await startEnvironment({ ...settings, target }, { log });
    const started = Date.now();
    outcomes[target] = await runAll(environment, scenarios);
    const perCase = (Date.now() - started) / outcomes[target].size;
    log(`${target}: started in ${((started - began) / 1000).toFixed(1)} s; ${outcomes[target].size} cases, ${perCase.toFixed(0)} ms per case`);
  }
  expect([...outcomes.localstack.keys()]).toEqual([...outcomes.moto.keys()]);
  for (const [name, moto] of outcomes.moto) {
    const localstack = outcomes.localstack.get(name)!;
    expect.soft(verdict(localstack), name).toEqual(verdict(moto));
    expect.soft(moto.status, `${name} on moto: ${moto.explanation.join(' ')}`).toBe('passed');
  }
});
