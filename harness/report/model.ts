/**
 * The report model: results.json as the contract defines it (docs/scenario-format.md; its JSON Schema is results.schema.json beside this file), plus
 * keys the contract allows us to add. Serializers (JSON, JUnit, Markdown, HTML) are pure functions of it.
 * Nothing secret is ever put here: no secret values, compact tokens, signatures or credentials.
 */
import type { TargetKind } from '../backends/types.js';

export type Enforcement = 'harness' | 'target' | 'off';

export interface Outcomes {
  assume: string | null;
  reads?: Record<string, string | null>;
}

/** Decoded token for reports: header and claims only, never the signature or the compact form. */
export interface DecodedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  tamper?: string;
}

export interface CaseDetails {
  role: string;
  roleArn?: string;
  token?: DecodedToken;
  /** which trust-policy statement decided and the condition traces, as the evaluator returned them */
  trust?: unknown;
  /** per read: explanation sentences */
  reads?: Record<string, { outcome: string | null; message: string | null; explanation: string[] }>;
  /** named gate assumptions that decided this case */
  assumptions?: string[];
  durationMs?: number;
}

export interface CaseResult {
  scenario: string;
  case: string;
  status: 'passed' | 'failed' | 'error';
  expected: Outcomes & { message?: string };
  observed: Outcomes & { message: string | null };
  explanation: string[];
  details?: CaseDetails;
}

export interface RoleReport {
  scenario: string;
  role: string;
  roleArn: string;
  trustPolicy: unknown;
  policies: unknown[];
  permissionsBoundary?: unknown;
}

export interface RunReport {
  version: 1;
  /** `reason`: why this target ran (the option given, what `auto` found, a fallback's cause) */
  target: { kind: TargetKind; enforcement: Enforcement; label?: string; reason?: string };
  harnessVersion?: string;
  startedAt?: string;
  finishedAt?: string;
  cases: CaseResult[];
  roles?: RoleReport[];
  /** lint findings (issue 7) and probe findings */
  findings?: unknown[];
  /** the scenarios each check ran on; a check absent or empty here did not run (not the same as no findings) */
  checked?: Checked;
  summary: { passed: number; failed: number; errors: number };
}

/** A static (lint) or dynamic (probe) finding on a trust policy, as `aws-oidc-harness lint --json` prints it. */
export interface Finding {
  scenario: string;
  role: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** JSON path inside the trust policy, e.g. `Statement[0].Condition` */
  path: string;
  source?: 'lint' | 'probe';
  /** probe findings: the identities (decoded claims, e.g. sub, aud) the role admitted */
  admitted?: Array<Record<string, unknown>>;
}

/** Name and body of the JSON attachment each scenario test adds: body = one CaseResult. */
export const CASE_ATTACHMENT = 'harness-case';
/** Name of the JSON attachment fixtures add once per scenario (or run): body = HarnessRunInfo. */
export const RUN_INFO_ATTACHMENT = 'harness-run-info';

/** Name of the JSON attachment fixtures add per test: body = HarnessRunInfo['target'] (kind, label, enforcement). */
export const TARGET_ATTACHMENT = 'harness-target';

/** Scenario ids a check ran on. */
export interface Checked {
  lint?: string[];
  probe?: string[];
}

/** Body of a `harness-run-info` attachment; several are merged (roles by scenario+role, findings appended). */
export interface HarnessRunInfo {
  roles?: RoleReport[];
  findings?: Finding[];
  /** the checks this attachment's findings come from, and the scenario they ran on */
  checked?: Checked;
  /** overrides of the env-derived target (e.g. the backend's own label) */
  target?: { kind?: TargetKind; enforcement?: Enforcement; label?: string; reason?: string };
}
