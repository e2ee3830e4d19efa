/**
 * IAM JSON as the AWS CLI prints it: `aws iam get-role`, `get-role-policy`, `list-attached-role-policies`,
 * `get-policy` + `get-policy-version`, `get-account-authorization-details`, `get-open-id-connect-provider`,
 * and `aws secretsmanager describe-secret` / `get-resource-policy`. Documents may be objects (the CLI decodes
 * them) or URL-encoded strings (the raw API, some tools).
 *
 * Outputs that do not name their role or policy are matched by file name: `list-attached-role-policies`
 * belongs to the only role imported with it (or the role named in the file name), `get-policy-version`
 * to the policy whose name is in the file name (or the one `get-policy` output in the same import).
 */
import path from 'node:path';
import type { PolicyJson } from '../policy/types.js';
import { emptySources, type ImportedSources, type Place } from './model.js';
import { parsePolicy } from './terraform/resources.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const KEYS = ['Role', 'RoleDetailList', 'AttachedPolicies', 'PolicyVersion', 'Policy', 'PolicyDocument', 'Url', 'ResourcePolicy', 'ARN'];

export function isIamCliOutput(data: unknown): boolean {
  return isObject(data) && KEYS.some((k) => k in data);
}

interface Pending {
  attached: { file: string; role?: string; arns: { name: string; arn: string }[] }[];
  versions: { file: string; document?: PolicyJson }[];
  policies: { name: string; arn: string }[];
}

export class IamCliReader {
  readonly out: ImportedSources = emptySources();
  private readonly pending: Pending = { attached: [], versions: [], policies: [] };

  add(data: Json, file: string): void {
    const from = (place: string): Place => ({ file, place });
    const doc = (value: unknown, place: string, role?: string): PolicyJson | undefined => {
      const parsed = parsePolicy(value);
      if (!parsed.document) this.out.notes.push({ from: from(place), message: `${parsed.reason}`, fatal: place.endsWith('AssumeRolePolicyDocument'), ...(role ? { role } : {}) });
      return parsed.document;
    };
    if (isObject(data['Role'])) this.role(data['Role'], from('Role'), doc);
    if (Array.isArray(data['RoleDetailList'])) {
      data['RoleDetailList'].filter(isObject).forEach((r, i) => this.role(r, from(`RoleDetailList[${i}]`), doc));
      (Array.isArray(data['Policies']) ? data['Policies'] : []).filter(isObject).forEach((p, i) => {
        const versions = (Array.isArray(p['PolicyVersionList']) ? p['PolicyVersionList'] : []).filter(isObject);
        const current = versions.find((v) => v['IsDefaultVersion'] === true) ?? versions[0];
        const arn = String(p['Arn']);
        this.out.managedPolicies.push({ arn, name: String(p['PolicyName']), document: current ? doc(current['Document'], `Policies[${i}].PolicyVersionList`) : undefined, from: from(`Policies[${i}]`) });
      });
    }
    if (typeof data['RoleName'] === 'string' && 'PolicyDocument' in data) {
      this.pendingInline.push({ role: data['RoleName'], name: String(data['PolicyName']), document: doc(data['PolicyDocument'], 'PolicyDocument', data['RoleName']), from: from('PolicyDocument') });
    }
    if (Array.isArray(data['AttachedPolicies'])) {
      const arns = data['AttachedPolicies'].filter(isObject).map((p) => ({ name: String(p['PolicyName']), arn: String(p['PolicyArn']) }));
      this.pending.attached.push({ file, arns });
    }
    if (isObject(data['Policy']) && typeof data['Policy']['Arn'] === 'string') {
      this.pending.policies.push({ name: String(data['Policy']['PolicyName']), arn: data['Policy']['Arn'] });
    }
    if (isObject(data['PolicyVersion'])) this.pending.versions.push({ file, document: doc(data['PolicyVersion']['Document'], 'PolicyVersion.Document') });
    if (typeof data['Url'] === 'string') {
      const url = data['Url'].startsWith('https://') ? data['Url'] : `https://${data['Url']}`;
      const list = (k: string) => (Array.isArray(data[k]) ? (data[k] as unknown[]).map(String) : []);
      this.out.providers.push({ url, clientIds: list('ClientIDList'), thumbprints: list('ThumbprintList') });
    }
    if (typeof data['Name'] === 'string' && typeof data['ARN'] === 'string' && String(data['ARN']).includes(':secretsmanager:')) {
      const existing = this.out.secrets.find((s) => s.name === data['Name']);
      const secret = existing ?? { name: data['Name'], from: from('Name') };
      if (!existing) this.out.secrets.push(secret);
      if (typeof data['ResourcePolicy'] === 'string') secret.resourcePolicy = doc(data['ResourcePolicy'], 'ResourcePolicy');
    }
  }

  private readonly pendingInline: { role: string; name: string; document?: PolicyJson; from: Place }[] = [];

  private role(r: Json, from: Place, doc: (v: unknown, place: string, role?: string) => PolicyJson | undefined): void {
    const name = String(r['RoleName']);
    const trust = doc(r['AssumeRolePolicyDocument'], `${from.place}.AssumeRolePolicyDocument`, name);
    if (!trust) return;
    const arn = typeof r['Arn'] === 'string' ? r['Arn'] : '';
    const account = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(arn)?.[1];
    if (account) this.out.accountIds.push(account);
    const boundary = isObject(r['PermissionsBoundary']) ? r['PermissionsBoundary']['PermissionsBoundaryArn'] : undefined;
    const inline = (Array.isArray(r['RolePolicyList']) ? r['RolePolicyList'] : []).filter(isObject);
    const attached = (Array.isArray(r['AttachedManagedPolicies']) ? r['AttachedManagedPolicies'] : []).filter(isObject);
    this.out.roles.push({
      name,
      ...(account ? { accountId: account } : {}),
      trustPolicy: trust,
      inlinePolicies: inline.map((p, i) => ({ name: String(p['PolicyName']), document: doc(p['PolicyDocument'], `${from.place}.RolePolicyList[${i}]`, name), from: { ...from, place: `${from.place}.RolePolicyList[${i}]` } })),
      managedPolicyArns: attached.map((p) => String(p['PolicyArn'])),
      ...(typeof boundary === 'string' ? { permissionsBoundaryArn: boundary } : {}),
      ...(typeof r['MaxSessionDuration'] === 'number' ? { maxSessionDuration: r['MaxSessionDuration'] } : {}),
      from,
    });
  }

  /** Matches the outputs that do not name their role or policy, then returns everything read. */
  finish(): ImportedSources {
    const roles = this.out.roles;
    for (const p of this.pendingInline) {
      const role = roles.find((r) => r.name === p.role);
      if (role) role.inlinePolicies.push({ name: p.name, document: p.document, from: p.from });
      else this.out.notes.push({ from: p.from, message: `role ${p.role} was not imported (add its aws iam get-role output); left out` });
    }
    for (const a of this.pending.attached) {
      const base = path.basename(a.file);
      const role = roles.find((r) => base.includes(r.name)) ?? (roles.length === 1 ? roles[0] : undefined);
      if (!role) {
        this.out.notes.push({ from: { file: a.file, place: 'AttachedPolicies' }, message: 'cannot tell which role these policies are attached to: name the file after the role; left out' });
        continue;
      }
      for (const { arn } of a.arns) if (!role.managedPolicyArns.includes(arn)) role.managedPolicyArns.push(arn);
    }
    const known = [...this.pending.policies, ...this.pending.attached.flatMap((a) => a.arns)];
    for (const v of this.pending.versions) {
      const base = path.basename(v.file);
      const policy = known.filter((p) => base.includes(p.name)).sort((a, b) => b.name.length - a.name.length)[0] ?? (this.pending.policies.length === 1 ? this.pending.policies[0] : undefined);
      if (!policy) {
        this.out.notes.push({ from: { file: v.file, place: 'PolicyVersion' }, message: 'cannot tell which policy this version belongs to: name the file after the policy; left out' });
        continue;
      }
      this.out.managedPolicies.push({ arn: policy.arn, name: policy.name, document: v.document, from: { file: v.file, place: 'PolicyVersion.Document' } });
    }
    return this.out;
  }
}
