/**
 * The terminal output of `aws-oidc-harness run`: one line per case (`✓ scenario › case (time)`), for a failed case
 * what was expected and observed and why, never a code frame or stack of the harness's own spec; worker output
 * (the target line, warnings) printed once however often a worker restarts; a closing `N passed, N failed` line.
 */
import { readFile } from 'node:fs/promises';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { CASE_ATTACHMENT, type CaseResult, type Outcomes } from '../report/model.js';
import { redactText } from '../report/redact.js';
import { casesFromTest, stripAnsi } from './case-from-test.js';

export interface CaseLinesOptions {
  secretValues?: string[];
  /** default: process.stdout */
  write?: (text: string) => void;
}

const MARK: Record<TestResult['status'], string> = { passed: '✓', failed: '✘', timedOut: '✘', skipped: '-', interrupted: '!' };

export default class CaseLinesReporter implements Reporter {
  private readonly write: (text: string) => void;
  private readonly printed = new Set<string>();
  private counts = { passed: 0, failed: 0, skipped: 0 };
  private startedAt = Date.now();

  constructor(private readonly options: CaseLinesOptions = {}) {
    this.write = options.write ?? ((text) => process.stdout.write(text));
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.startedAt = Date.now();
    const cases = suite.allTests().length;
    const scenarios = new Set(suite.allTests().map((t) => scenarioOf(t))).size;
    this.write(`running ${cases} case${cases === 1 ? '' : 's'} of ${scenarios} scenario${scenarios === 1 ? '' : 's'}, ${config.workers} worker${config.workers === 1 ? '' : 's'}\n`);
  }

  /** worker output (the target line, the moto install note, warnings): each distinct line once */
  onStdErr(chunk: string | Buffer): void {
    this.printOnce(chunk);
  }

  onStdOut(chunk: string | Buffer): void {
    this.printOnce(chunk);
  }

  onError(error: TestError): void {
    this.write(`error: ${this.clean(firstLines(error.message ?? error.value ?? 'unknown error', 5))}\n`);
  }

  async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    if (result.status === 'passed') this.counts.passed++;
    else if (result.status === 'skipped') this.counts.skipped++;
    else this.counts.failed++;
    this.write(`  ${MARK[result.status]} ${scenarioOf(test)} › ${test.title} (${formatMs(result.duration)})\n`);
    if (result.status === 'passed' || result.status === 'skipped') return;
    for (const line of await this.whyFailed(test, result)) this.write(`      ${line}\n`);
  }

  onEnd(result: FullResult): void {
    const { passed, failed, skipped } = this.counts;
    const interrupted = result.status === 'interrupted' ? ' (interrupted)' : '';
    this.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${interrupted} in ${formatMs(Date.now() - this.startedAt)}\n`);
  }

  private async whyFailed(test: TestCase, result: TestResult): Promise<string[]> {
    const attachments: { name: string; body: string }[] = [];
    for (const a of result.attachments) {
      if (a.name !== CASE_ATTACHMENT) continue;
      const body = a.body ?? (a.path ? await readFile(a.path).catch(() => undefined) : undefined);
      if (body !== undefined) attachments.push({ name: a.name, body: body.toString('utf8') });
    }
    const error = result.errors[0]?.message ?? result.error?.message;
    const cases = casesFromTest({
      scenario: scenarioOf(test),
      caseName: test.title,
      status: result.status,
      errorMessage: error === undefined ? null : stripAnsi(error),
      attachments,
    });
    const lines = cases.length > 0 ? cases.flatMap(describeCase) : [firstLines(stripAnsi(error ?? `ended ${result.status}`), 5)];
    return lines.flatMap((l) => this.clean(l).split('\n'));
  }

  private printOnce(chunk: string | Buffer): void {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '' || this.printed.has(line)) continue;
      this.printed.add(line);
      this.write(`${this.clean(line)}\n`);
    }
  }

  private clean(text: string): string {
    return redactText(text, { secretValues: this.options.secretValues ?? [] });
  }
}

function describeCase(c: CaseResult): string[] {
  if (c.status === 'error') return [`could not run: ${c.observed.message ?? 'unknown reason'}`];
  return [`expected ${outcomes(c.expected)}`, `observed ${outcomes(c.observed)}`, ...c.explanation];
}

function outcomes(o: Outcomes): string {
  const reads = Object.entries(o.reads ?? {}).map(([secret, outcome]) => `, read ${secret}: ${outcome ?? 'not attempted'}`);
  return `assume ${o.assume ?? 'not attempted'}${reads.join('')}`;
}

/** the describe title (the scenario id); the file name for a test outside any describe */
function scenarioOf(test: TestCase): string {
  return test.parent.type === 'describe' ? test.parent.title : (test.location.file.split(/[\\/]/).pop() ?? test.location.file);
}

/** an error message without its stack and code frame */
function firstLines(message: string, count: number): string {
  return message.split('\n').filter((l) => !/^\s+at /.test(l)).slice(0, count).join('\n');
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}
