/** Public API of the report layer: the model, its builder, redaction and the pure serializers. */
export type * from './model.js';
export { CASE_ATTACHMENT, RUN_INFO_ATTACHMENT } from './model.js';
export { buildRunReport, summarize, type RunMeta } from './build-run-report.js';
export { redact, redactText, redactValue, REDACTED, type RedactOptions } from './redact.js';
export { toResultsJson } from './results-json.js';
export { toJunitXml } from './junit-xml.js';
export { toSummaryMarkdown } from './summary-markdown.js';
export { toTrustMatrixHtml } from './trust-matrix-html.js';
export { writeReportFiles, REPORT_FILES } from './write-report-files.js';
