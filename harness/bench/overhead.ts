/**
 * overheadRatio: one full case through the enforcing gate (the runner's runCase) against the same SDK calls
 * sent straight to the emulator, interleaved in one process on one environment. Order alternates per pair.
 */
import type { HarnessEnvironment } from '../fixtures/environment.js';
import { HarnessError } from '../errors.js';
import { resolveRoleArn, runCase } from '../runner/run-case.js';
import type { CaseSpec, Scenario } from '../scenario/model.js';
import { directCaseRunner, type DirectCase } from './direct-case.js';
import { median, nowMs } from './stats.js';

export interface OverheadRun {
  ratio: number;
  gateMedianMs: number;
  directMedianMs: number;
}

/** The scenario's first case that is allowed and reads exactly one secret it may read. */
export function fullCaseOf(scenario: Scenario): CaseSpec {
  const spec = scenario.cases.find(
    (c) => c.expect.assume === 'allowed' && c.reads.length === 1 && c.expect.reads?.[c.reads[0]!] === 'allowed' && !c.token.tamper,
  );
  if (!spec) throw new HarnessError('BENCH_FAILED', `scenario ${scenario.id} has no allowed case that reads one secret`);
  return spec;
}

export async function measureOverhead(
  environment: HarnessEnvironment,
  scenario: Scenario,
  iterations: number,
  warmup = Math.min(20, iterations),
): Promise<OverheadRun> {
  const context = await environment.prepare(scenario);
  const spec = fullCaseOf(scenario);
  const direct = directCaseRunner(environment.backend, environment.idp, scenario.aws.region);
  const directSpec: DirectCase = {
    roleArn: resolveRoleArn(context, spec.assume.role),
    sessionName: 'bench-direct',
    secret: spec.reads[0]!,
    mint: { profile: scenario.idp.profile, issuer: scenario.idp.issuer, claims: spec.token.claims, audience: spec.token.audience, options: scenario.idp.options },
  };
  const viaGate = async (): Promise<void> => {
    const result = await runCase(context, scenario, spec);
    if (result.status !== 'passed') throw new HarnessError('BENCH_FAILED', `the gate case did not pass: ${result.explanation.join('; ')}`);
  };
  const gateMs: number[] = [];
  const directMs: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const order: [() => Promise<void>, number[]][] = [[viaGate, gateMs], [() => direct(directSpec), directMs]];
    if (i % 2 === 1) order.reverse();
    for (const [run, times] of order) {
      const started = nowMs();
      await run();
      if (i >= warmup) times.push(nowMs() - started);
    }
  }
  const gateMedianMs = median(gateMs);
  const directMedianMs = median(directMs);
  return { ratio: gateMedianMs / directMedianMs, gateMedianMs, directMedianMs };
}
