import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toJunitXml } from './junit-xml.js';
import type { RunReport } from './model.js';
import { toResultsJson } from './results-json.js';
import { toSummaryMarkdown } from './summary-markdown.js';
import { toTrustMatrixHtml } from './trust-matrix-html.js';

export const REPORT_FILES = {
  resultsJson: 'results.json',
  junitXml: 'junit.xml',
  summaryMarkdown: 'summary.md',
  trustMatrixHtml: 'trust-matrix.html',
} as const;

type ReportFileKey = keyof typeof REPORT_FILES;

const SERIALIZERS: ReadonlyArray<[ReportFileKey, (report: RunReport) => string]> = [
  // results.json first: the contract promises it even when a later serializer fails.
  ['resultsJson', toResultsJson],
  ['junitXml', toJunitXml],
  ['summaryMarkdown', toSummaryMarkdown],
  ['trustMatrixHtml', toTrustMatrixHtml],
];

/** Serializes an (already redacted) report into dir; returns the texts written. Throws after trying every file. */
export async function writeReportFiles(report: RunReport, dir: string): Promise<Partial<Record<ReportFileKey, string>>> {
  await mkdir(dir, { recursive: true });
  const written: Partial<Record<ReportFileKey, string>> = {};
  const failures: unknown[] = [];
  for (const [key, serialize] of SERIALIZERS) {
    try {
      const text = serialize(report);
      await writeFile(join(dir, REPORT_FILES[key]), text);
      written[key] = text;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `could not write ${failures.length} report file(s) into ${dir}`);
  return written;
}
