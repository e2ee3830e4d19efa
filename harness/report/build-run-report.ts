import type { CaseResult, Finding, HarnessRunInfo, RoleReport, RunReport } from './model.js';

export interface RunMeta {
  target: RunReport['target'];
  harnessVersion?: string;
  startedAt?: string;
  finishedAt?: string;
}

export function summarize(cases: readonly CaseResult[]): RunReport['summary'] {
  const count = (status: CaseResult['status']) => cases.filter((c) => c.status === status).length;
  return { passed: count('passed'), failed: count('failed'), errors: count('error') };
}

/** The one place a RunReport is assembled: run-info attachments merged, summary computed from the cases. */
export function buildRunReport(meta: RunMeta, cases: readonly CaseResult[], runInfos: readonly HarnessRunInfo[] = []): RunReport {
  const roles = new Map<string, RoleReport>();
  const findings: Finding[] = [];
  const checked = { lint: new Set<string>(), probe: new Set<string>() };
  let target = { ...meta.target };
  for (const info of runInfos) {
    for (const role of info.roles ?? []) roles.set(`${role.scenario}\u0000${role.role}`, role);
    findings.push(...(info.findings ?? []));
    for (const id of info.checked?.lint ?? []) checked.lint.add(id);
    for (const id of info.checked?.probe ?? []) checked.probe.add(id);
    if (info.target) target = { ...target, ...definedOnly(info.target) };
  }
  return {
    version: 1,
    target,
    ...(meta.harnessVersion ? { harnessVersion: meta.harnessVersion } : {}),
    ...(meta.startedAt ? { startedAt: meta.startedAt } : {}),
    ...(meta.finishedAt ? { finishedAt: meta.finishedAt } : {}),
    cases: [...cases],
    ...(roles.size > 0 ? { roles: [...roles.values()] } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    ...(checked.lint.size + checked.probe.size > 0
      ? { checked: { ...(checked.lint.size ? { lint: [...checked.lint] } : {}), ...(checked.probe.size ? { probe: [...checked.probe] } : {}) } }
      : {}),
    summary: summarize(cases),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
