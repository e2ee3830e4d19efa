/**
 * Playwright reporter: collects the `harness-case` / `harness-run-info` attachments of the `scenarios` project,
 * builds one RunReport in onEnd, redacts it, and writes results.json, junit.xml, summary.md and
 * trust-matrix.html into the report dir (also when cases fail, and with zero cases when the run aborts).
 * Cases and findings follow the order of the test list, not of arrival, so that `playwright merge-reports`
 * over the blob reports of shards (`aws-oidc-harness merge-reports`) writes the same reports as one run.
 *
 *   reporter: [['./harness/reporters/harness-reporter.ts', { reportDir: 'reports', secretValues: [...] }]]
 */
import { appendFile, readFile } from 'node:fs/promises';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import type { TargetKind } from '../backends/types.js';
import { buildRunReport } from '../report/build-run-report.js';
import { RUN_INFO_ATTACHMENT, TARGET_ATTACHMENT, type CaseResult, type Enforcement, type HarnessRunInfo, type RunReport } from '../report/model.js';
import { redact, redactText } from '../report/redact.js';
import { writeReportFiles } from '../report/write-report-files.js';
import { casesFromTest, stripAnsi } from './case-from-test.js';
import { readHarnessVersion } from './harness-version.js';
import { runMetadataOf, type HarnessRunMetadata } from './run-metadata.js';

export interface HarnessReporterOptions {
  /** default: env HARNESS_REPORT_DIR, else `reports` (relative to the working directory) */
  reportDir?: string;
  /** the Playwright project whose tests are scenario cases */
  project?: string;
  /** known secret values, removed from every file written */
  secretValues?: string[];
  /** without secretValues: the secret values of the scenario paths the run's metadata names (merge-reports) */
  secretValuesOf?: (scenarioPaths: string[]) => string[];
  /** default: env; for tests */
  env?: NodeJS.ProcessEnv;
}

const TARGET_KINDS: readonly TargetKind[] = ['moto', 'localstack', 'endpoint', 'aws'];
const ENFORCEMENTS: readonly Enforcement[] = ['harness', 'target', 'off'];

export default class HarnessReporter implements Reporter {
  private readonly results = new Map<string, CaseResult[]>();
  private readonly runInfos = new Map<string, HarnessRunInfo[]>();
  private readonly testOrder = new Map<string, number>();
  private metadata: HarnessRunMetadata | undefined;
  private secretValues: string[] = [];
  private readonly env: NodeJS.ProcessEnv;
  private readonly reportDir: string;
  private readonly project: string;
  private startedAt = new Date();
  private scenarioTests = 0;
  private otherTests = 0;
  private sawError = false;

  constructor(private readonly options: HarnessReporterOptions = {}) {
    this.env = options.env ?? process.env;
    this.reportDir = options.reportDir ?? this.env.HARNESS_REPORT_DIR ?? 'reports';
    this.project = options.project ?? 'scenarios';
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    this.metadata = runMetadataOf(config.metadata);
    this.secretValues = this.options.secretValues ?? this.options.secretValuesOf?.(this.metadata?.scenarioPaths ?? []) ?? [];
    for (const test of suite.allTests()) {
      if (test.parent.project()?.name === this.project) this.testOrder.set(test.id, this.scenarioTests++);
      else this.otherTests++;
    }
  }

  onError(_error: TestError): void {
    this.sawError = true;
  }

  async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    if (test.parent.project()?.name !== this.project) return;
    const attachments: Array<{ name: string; body: string }> = [];
    for (const a of result.attachments) {
      const body = a.body ?? (a.path ? await readFile(a.path).catch(() => undefined) : undefined);
      if (body === undefined) continue;
      if (a.name === RUN_INFO_ATTACHMENT) this.addRunInfo(test.id, body.toString('utf8'));
      else if (a.name === TARGET_ATTACHMENT) this.addRunInfo(test.id, `{"target":${body.toString('utf8')}}`);
      else attachments.push({ name: a.name, body: body.toString('utf8') });
    }
    const error = result.errors[0]?.message ?? result.error?.message;
    // Keyed by test id: a retry replaces the earlier attempt.
    this.results.set(
      test.id,
      casesFromTest({
        scenario: test.parent.type === 'describe' ? test.parent.title : (test.location.file.split(/[\\/]/).pop() ?? test.location.file),
        caseName: test.title,
        status: result.status,
        errorMessage: error === undefined ? null : stripAnsi(error),
        attachments,
      }),
    );
  }

  async onEnd(_result: FullResult): Promise<void> {
    // A run of only other projects' tests (e.g. `playwright test tests/`) is not a conformance run: keep the last report.
    if (this.scenarioTests === 0 && this.otherTests > 0 && !this.sawError) return;
    const report = this.buildReport();
    const files = await writeReportFiles(report, this.reportDir);
    if (this.env.GITHUB_STEP_SUMMARY && files.summaryMarkdown !== undefined) await appendFile(this.env.GITHUB_STEP_SUMMARY, `${files.summaryMarkdown}\n`);
  }

  private buildReport(): RunReport {
    // HARNESS_TARGET is what `run --target` asked for: the kind to report when no case recorded the started target.
    const kind = (this.env.HARNESS_TARGET_KIND ?? this.env.HARNESS_TARGET ?? this.metadata?.target) as TargetKind | undefined;
    const enforcement = (this.env.HARNESS_ENFORCEMENT ?? this.metadata?.enforcement) as Enforcement | undefined;
    const label = this.env.HARNESS_TARGET_LABEL;
    const report = buildRunReport(
      {
        target: {
          kind: kind && TARGET_KINDS.includes(kind) ? kind : 'moto',
          enforcement: enforcement && ENFORCEMENTS.includes(enforcement) ? enforcement : 'harness',
          ...(label ? { label } : {}),
        },
        harnessVersion: readHarnessVersion(),
        startedAt: this.startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
      },
      this.inTestOrder(this.results).flat(),
      withoutRepeatedFindings(this.inTestOrder(this.runInfos).flat()),
    );
    return redact(report, { secretValues: this.secretValues });
  }

  private inTestOrder<T>(byTest: Map<string, T>): T[] {
    const position = (id: string) => this.testOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
    return [...byTest.entries()].sort(([a], [b]) => position(a) - position(b)).map(([, value]) => value);
  }

  private addRunInfo(testId: string, body: string): void {
    try {
      const infos = this.runInfos.get(testId) ?? [];
      infos.push(JSON.parse(body) as HarnessRunInfo);
      this.runInfos.set(testId, infos);
    } catch (e) {
      process.stderr.write(`harness reporter: ignoring a ${RUN_INFO_ATTACHMENT} attachment that is not JSON: ${redactText((e as Error).message)}\n`);
    }
  }
}

/**
 * A scenario's run info is attached by the first of its cases each worker runs, so a scenario split across
 * shards (or a worker restarted after a failure) attaches it again: each finding is reported once.
 */
function withoutRepeatedFindings(infos: readonly HarnessRunInfo[]): HarnessRunInfo[] {
  const seen = new Set<string>();
  return infos.map((info) => {
    if (!info.findings) return info;
    const findings = info.findings.filter((f) => {
      const key = JSON.stringify(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { ...info, findings };
  });
}
