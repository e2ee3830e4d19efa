/** `npm run bench`: every figure of issue 8, several runs each, on the embedded backend (moto). */
import { startEnvironment } from '../fixtures/environment.js';
import { benchmarkEvaluations } from '../policy/bench.js';
import { loadScenarioFile } from '../scenario/load.js';
import { measureColdStart } from './cold-start.js';
import { peakRssOfPid, processMaxRssMb, withPeakRss } from './memory.js';
import { measureOverhead, type OverheadRun } from './overhead.js';
import { figure, buildReport } from './report.js';
import { median } from './stats.js';
import { measureGeneratedScenario, SEED_SCENARIO, type ScenarioRun } from './thousand-cases.js';
import { startTokenVerifier } from './token-verification.js';
import type { BenchPlan, BenchReport, Figure } from './types.js';

export interface BenchOptions {
  plan: BenchPlan;
  log?: (line: string) => void;
}

async function repeat<T>(times: number, label: string, log: (line: string) => void, run: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) {
    log(`${label}: run ${i + 1}/${times}`);
    out.push(await run(i));
  }
  return out;
}

export async function runBench({ plan, log = () => undefined }: BenchOptions): Promise<BenchReport> {
  const evaluations = await repeat(plan.runs, 'evaluationsPerSecond', log, async () => benchmarkEvaluations(plan.evaluationMs));

  const verifications = await (async () => {
    await using verifier = await startTokenVerifier();
    return repeat(plan.runs, 'tokenVerificationsPerSecond', log, () => verifier.measure(plan.verificationMs));
  })();

  const coldStarts = await repeat(plan.runs, 'coldStartMs', log, () => measureColdStart());

  const { overhead, memory, backendLabel, motoPeakMb } = await measureInOneEnvironment(plan, log);

  const scenarioRuns = await repeat(plan.scenarioRuns, `${plan.scenarioCases}-case run`, log, () =>
    measureGeneratedScenario(plan.scenarioCases),
  );

  const figures: Record<keyof BenchReport['figures'], Figure> = {
    coldStartMs: figure('coldStartMs', coldStarts.map((c) => c.ms), 'ms', 0, {
      phasesMedianMs: medianPhases(coldStarts.map((c) => c.phases)),
    }),
    overheadRatio: figure('overheadRatio', overhead.map((o) => o.ratio), 'x', 3, {
      iterationsPerRun: plan.overheadIterations,
      gateMedianMs: overhead.map((o) => round3(o.gateMedianMs)),
      directMedianMs: overhead.map((o) => round3(o.directMedianMs)),
    }),
    evaluationsPerSecond: figure('evaluationsPerSecond', evaluations, '/s', 0, { cpuMsPerRun: plan.evaluationMs, policy: 'BENCH_TRUST_POLICY' }),
    thousandCasesSeconds: figure('thousandCasesSeconds', scenarioRuns.map((r) => r.seconds), 's', 2, scenarioDetails(plan, scenarioRuns)),
    tokenVerificationsPerSecond: figure('tokenVerificationsPerSecond', verifications, '/s', 0, { wallMsPerRun: plan.verificationMs }),
    peakMemoryMb: figure('peakMemoryMb', memory, 'MB', 1, {
      measured: 'RSS of the harness process (gate, IdP, runner) during each overhead run',
      harnessProcessMaxRssMb: Math.round(processMaxRssMb()),
      ...(motoPeakMb !== undefined ? { emulatorPeakRssMb: Math.round(motoPeakMb) } : {}),
    }),
  };
  return buildReport(figures, { quick: plan.quick, target: backendLabel });
}

async function measureInOneEnvironment(plan: BenchPlan, log: (line: string) => void) {
  const scenario = loadScenarioFile(SEED_SCENARIO);
  const environment = await startEnvironment({ target: 'moto', enforce: true });
  try {
    const overhead: OverheadRun[] = [];
    const memory: number[] = [];
    await repeat(plan.runs, 'overheadRatio', log, async () => {
      const { value, peakMb } = await withPeakRss(() => measureOverhead(environment, scenario, plan.overheadIterations));
      overhead.push(value);
      memory.push(peakMb);
    });
    const pid = (environment.backend as { pid?: number }).pid;
    return { overhead, memory, backendLabel: environment.describe().label, motoPeakMb: peakRssOfPid(pid) };
  } finally {
    await environment.close();
  }
}

function scenarioDetails(plan: BenchPlan, runs: ScenarioRun[]): Record<string, unknown> {
  return {
    cases: plan.scenarioCases,
    passed: runs.map((r) => r.passed),
    ...(plan.scenarioCases !== 1000 ? { note: `quick: a ${plan.scenarioCases}-case scenario, not 1,000` } : {}),
  };
}

function medianPhases(phases: Record<string, number>[]): Record<string, number> {
  const keys = Object.keys(phases[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, Math.round(median(phases.map((p) => p[k] ?? 0)))]));
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
