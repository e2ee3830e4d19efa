/**
 * Lint and probe findings as the serializers read them: report.findings is typed `unknown[]` (results.json may
 * come from another run), so each is read defensively, and the counts every serializer states come from here.
 */
import type { Finding, RunReport } from './model.js';

export function asFinding(value: unknown): Finding | null {
  if (typeof value !== 'object' || value === null) return null;
  const f = value as Record<string, unknown>;
  const severity = f.severity === 'error' || f.severity === 'warning' || f.severity === 'info' ? f.severity : 'info';
  if (typeof f.rule !== 'string' || typeof f.message !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    scenario: str(f.scenario),
    role: str(f.role),
    rule: f.rule,
    severity,
    message: f.message,
    path: str(f.path),
    ...(f.source === 'lint' || f.source === 'probe' ? { source: f.source } : {}),
    ...(Array.isArray(f.admitted) ? { admitted: f.admitted.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null) } : {}),
  };
}

const ORDER: Finding['severity'][] = ['error', 'warning', 'info'];

/** Every readable finding, errors first. */
export function findingsOf(report: RunReport): Finding[] {
  return (report.findings ?? [])
    .map(asFinding)
    .filter((f): f is Finding => f !== null)
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
}

/** A probe finding is one whose identities the role admitted; findings without a source are lint's. */
export const isProbeFinding = (f: Finding): boolean => f.source === 'probe';

/** The identities a probe finding says were admitted, as label + the claims that matter, never as JSON. */
export interface AdmittedIdentity {
  label: string;
  why?: string;
  claims: Array<[name: string, value: string]>;
}

export function admittedIdentities(f: Finding): AdmittedIdentity[] {
  return (f.admitted ?? []).map((a) => {
    const label = typeof a.label === 'string' ? a.label : typeof a.sub === 'string' ? a.sub : 'an identity';
    const claims = Object.entries(a)
      .filter(([k]) => k !== 'label' && k !== 'why')
      .map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)]);
    return { label, ...(typeof a.why === 'string' ? { why: a.why } : {}), claims };
  });
}

/** What a run's checks found, counted once for the badge, the Markdown summary and the HTML. */
export interface FindingCounts {
  lintErrors: number;
  lintWarnings: number;
  /** identities probe found admitted (each is a failure: the scenario did not expect it) */
  probeAdmitted: number;
  lintRan: boolean;
  probeRan: boolean;
}

export function findingCounts(report: RunReport): FindingCounts {
  const findings = findingsOf(report);
  const lint = findings.filter((f) => !isProbeFinding(f));
  const probe = findings.filter(isProbeFinding);
  return {
    lintErrors: lint.filter((f) => f.severity === 'error').length,
    lintWarnings: lint.filter((f) => f.severity === 'warning').length,
    probeAdmitted: probe.reduce((n, f) => n + Math.max(1, f.admitted?.length ?? 0), 0),
    // reports written before `checked` existed: findings of a kind prove that check ran
    lintRan: (report.checked?.lint?.length ?? 0) > 0 || lint.length > 0,
    probeRan: (report.checked?.probe?.length ?? 0) > 0 || probe.length > 0,
  };
}
