/** bench.json and the table printed after a bench. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GOALS, meets } from './goals.js';
import { median, round } from './stats.js';
import type { BenchReport, Figure, FigureName } from './types.js';

export function figure(name: FigureName, runs: number[], unit: string, digits: number, details?: Record<string, unknown>): Figure {
  const rounded = runs.map((r) => round(r, digits));
  const value = round(median(runs), digits);
  const goal = GOALS[name];
  return { median: value, runs: rounded, unit, ...(goal ? { goal, met: meets(goal, value) } : {}), ...(details ? { details } : {}) };
}

export function machine(): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    // other processes on the machine distort wall-time figures; recorded so readers can judge a run
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
  };
}

export function buildReport(figures: Record<FigureName, Figure>, options: { quick: boolean; target: string; date?: Date }): BenchReport {
  return {
    version: 1,
    date: (options.date ?? new Date()).toISOString(),
    quick: options.quick,
    machine: machine(),
    target: options.target,
    goals: GOALS,
    figures,
    coldStartMs: figures.coldStartMs.median,
    overheadRatio: figures.overheadRatio.median,
    evaluationsPerSecond: figures.evaluationsPerSecond.median,
    thousandCasesSeconds: figures.thousandCasesSeconds.median,
    tokenVerificationsPerSecond: figures.tokenVerificationsPerSecond.median,
    peakMemoryMb: figures.peakMemoryMb.median,
  };
}

export function writeReport(report: BenchReport, reportDir: string): string {
  mkdirSync(reportDir, { recursive: true });
  const file = path.join(reportDir, 'bench.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export function formatTable(report: BenchReport): string {
  const rows = [['figure', 'median', 'goal', 'met?', 'runs']];
  for (const [name, f] of Object.entries(report.figures)) {
    const goal = f.goal ? `${f.goal.kind === 'max' ? '<=' : '>='} ${f.goal.value.toLocaleString('en-US')}` : '-';
    const met = f.met === undefined ? '-' : f.met ? 'yes' : 'NO';
    rows.push([name, `${f.median.toLocaleString('en-US')} ${f.unit}`, goal, met, f.runs.map((r) => r.toLocaleString('en-US')).join(', ')]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const header = `bench on ${report.target}, node ${report.machine.node}, ${report.machine.cpus} cpus${report.quick ? ' (quick: tiny counts, not comparable)' : ''}`;
  return [header, line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}
