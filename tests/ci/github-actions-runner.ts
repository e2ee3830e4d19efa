/**
 * Runs a GitHub Actions workflow's jobs on this machine the way a runner would: jobs in `needs` order, each
 * matrix combination in a fresh checkout, `run:` steps with bash and the variables a runner sets. Of the
 * `uses:` actions, artifact upload and download are emulated through a local folder (an upload asserts that
 * what it names exists); checkout, setup-node and setup-python are what this machine already provides.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkout, runShell, scratchDir } from './workspace.js';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
}

interface Job {
  needs?: string | string[];
  strategy?: { matrix?: Record<string, Array<string | number>> };
  steps: Step[];
}

export interface StepRecord {
  job: string;
  step: string;
  code: number | null;
  output: string;
}

export interface WorkflowRun {
  steps: StepRecord[];
  /** artifact name -> folder holding its files */
  artifacts: Map<string, string>;
  /** job (with matrix values) -> its $GITHUB_STEP_SUMMARY file */
  stepSummaries: Map<string, string>;
}

const EMULATED = ['actions/upload-artifact@', 'actions/download-artifact@'];
const PROVIDED = ['actions/checkout@', 'actions/setup-node@', 'actions/setup-python@'];

export async function runWorkflow(yamlText: string, options: { jobs?: string[]; eventName?: string; prepare?: (workspace: string) => Promise<void> } = {}): Promise<WorkflowRun> {
  const workflow = parse(yamlText) as { jobs: Record<string, Job> };
  const run: WorkflowRun = { steps: [], artifacts: new Map(), stepSummaries: new Map() };
  const store = scratchDir('harness-ci-artifacts-');
  for (const jobId of jobOrder(workflow.jobs, options.jobs)) {
    for (const matrix of combinations(workflow.jobs[jobId]!.strategy?.matrix)) {
      const label = `${jobId}${Object.keys(matrix).length ? ` ${JSON.stringify(matrix)}` : ''}`;
      const workspace = checkout();
      await options.prepare?.(workspace);
      const runnerTemp = scratchDir('harness-ci-runner-');
      const summary = path.join(runnerTemp, 'step-summary.md');
      writeFileSync(summary, '');
      run.stepSummaries.set(label, summary);
      const env = runnerEnv(jobId, workspace, runnerTemp, summary, options.eventName ?? 'pull_request');
      for (const step of workflow.jobs[jobId]!.steps) {
        const record = await runStep(step, matrix, workspace, env, store, run.artifacts);
        run.steps.push({ job: label, step: step.name ?? step.run ?? step.uses ?? '?', ...record });
        if (record.code !== 0) return run;
      }
    }
  }
  return run;
}

async function runStep(
  step: Step,
  matrix: Record<string, string | number>,
  workspace: string,
  env: NodeJS.ProcessEnv,
  store: string,
  artifacts: Map<string, string>,
): Promise<{ code: number | null; output: string }> {
  const resolve = (text: string) => substitute(text, matrix);
  if (step.run !== undefined) return runShell(resolve(step.run), workspace, env);
  const uses = step.uses ?? '';
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, resolve(String(v))]));
  if (uses.startsWith(EMULATED[0]!)) return upload(inputs, workspace, store, artifacts);
  if (uses.startsWith(EMULATED[1]!)) return download(inputs, workspace, artifacts);
  if (PROVIDED.some((p) => uses.startsWith(p))) return { code: 0, output: `(${uses}: provided by this machine)` };
  return { code: 1, output: `this runner does not know the action ${uses}` };
}

/** `${{ matrix.x }}` only: any other expression in a command is an error, not silently left in. */
function substitute(text: string, matrix: Record<string, string | number>): string {
  const out = text.replace(/\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}/g, (m, key: string) => (key in matrix ? String(matrix[key]) : m));
  if (out.includes('${{')) throw new Error(`unsupported expression in: ${text}`);
  return out;
}

/** actions/upload-artifact: the files keep their paths below the folder the named paths have in common. */
function upload(inputs: Record<string, string>, workspace: string, store: string, artifacts: Map<string, string>): { code: number; output: string } {
  const name = inputs.name ?? 'artifact';
  const paths = (inputs.path ?? '').split('\n').map((p) => p.trim()).filter(Boolean).map((p) => path.resolve(workspace, p));
  const missing = paths.filter((p) => !existsSync(p));
  if (paths.length === 0 || missing.length > 0) return { code: 1, output: `upload ${name}: no files at ${missing.join(', ')}` };
  const root = paths.length === 1 && statSync(paths[0]!).isDirectory() ? paths[0]! : commonFolder(paths);
  const target = path.join(store, name);
  mkdirSync(target, { recursive: true });
  for (const p of paths) cpSync(p, path.join(target, path.relative(root, p) || '.'), { recursive: true });
  artifacts.set(name, target);
  return { code: 0, output: `uploaded ${name}` };
}

/** actions/download-artifact with `pattern`: each matching artifact into <path>/<name>/. */
function download(inputs: Record<string, string>, workspace: string, artifacts: Map<string, string>): { code: number; output: string } {
  const pattern = new RegExp(`^${(inputs.pattern ?? inputs.name ?? '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  const matching = [...artifacts.entries()].filter(([name]) => pattern.test(name));
  if (matching.length === 0) return { code: 1, output: `download: no artifact matches ${inputs.pattern ?? inputs.name}` };
  const into = path.resolve(workspace, inputs.path ?? '.');
  for (const [name, dir] of matching) cpSync(dir, path.join(into, name), { recursive: true });
  return { code: 0, output: `downloaded ${matching.map(([n]) => n).join(', ')}` };
}

function commonFolder(paths: string[]): string {
  let common = path.dirname(paths[0]!);
  while (!paths.every((p) => p.startsWith(`${common}${path.sep}`))) common = path.dirname(common);
  return common;
}

function jobOrder(jobs: Record<string, Job>, only: string[] | undefined): string[] {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    const needs = jobs[id]!.needs;
    for (const n of typeof needs === 'string' ? [needs] : (needs ?? [])) visit(n);
    order.push(id);
  };
  for (const id of only ?? Object.keys(jobs)) visit(id);
  return order;
}

function combinations(matrix: Record<string, Array<string | number>> | undefined): Array<Record<string, string | number>> {
  let out: Array<Record<string, string | number>> = [{}];
  for (const [key, values] of Object.entries(matrix ?? {})) out = out.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return out;
}

function runnerEnv(job: string, workspace: string, runnerTemp: string, summary: string, eventName: string): NodeJS.ProcessEnv {
  const file = (name: string) => {
    const p = path.join(runnerTemp, name);
    writeFileSync(p, '');
    return p;
  };
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_JOB: job,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_ENV: file('env'),
    GITHUB_OUTPUT: file('output'),
    GITHUB_PATH: file('path'),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
  };
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
