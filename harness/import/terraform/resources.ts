/**
 * Terraform resources (from plan JSON or HCL, attributes already resolved) -> the intermediate model.
 * Shared by both Terraform sources so they read the same resource types the same way.
 */
import type { PolicyJson } from '../../policy/types.js';
import { emptySources, type ImportedSources, type Place } from '../model.js';
import { secretNameOfArn } from '../secret-arns.js';
import { PLAN_ADVICE, Unresolved, firstUnresolved } from '../unresolved.js';

export interface TfResource {
  type: string;
  /** e.g. `aws_iam_role.deploy` or `module.ci.aws_iam_role.deploy` */
  address: string;
  values: Record<string, unknown>;
  from: Place;
}

export interface TfContext {
  accountId: string;
  /** what to do about an unresolved value (default: import the plan JSON) */
  advice?: string;
  /** extra statements already left out while rendering a policy, keyed by the attribute's value */
  omittedParts?: Map<unknown, string[]>;
}

export const SUPPORTED_TYPES = new Set([
  'aws_iam_openid_connect_provider', 'aws_iam_role', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment',
  'aws_iam_policy', 'aws_secretsmanager_secret', 'aws_secretsmanager_secret_policy',
]);

type Parsed = { document: PolicyJson; reason?: undefined } | { document?: undefined; reason: string };

/** A policy attribute: a JSON string (or an already decoded object) -> a document, or why not. */
export function parsePolicy(value: unknown): Parsed {
  const bad = firstUnresolved(value);
  if (bad) return { reason: bad.reason };
  if (value && typeof value === 'object' && !Array.isArray(value)) return { document: value as PolicyJson };
  if (typeof value !== 'string') return { reason: 'no policy document' };
  try {
    const parsed: unknown = JSON.parse(decodeURIComponentIfEncoded(value));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { document: parsed as PolicyJson };
    return { reason: 'the policy is not a JSON object' };
  } catch (error) {
    return { reason: `the policy is not valid JSON (${(error as Error).message})` };
  }
}

/** IAM's GetRolePolicy/GetAccountAuthorizationDetails return URL-encoded documents (RFC 3986). */
export function decodeURIComponentIfEncoded(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('%7B') || trimmed.startsWith('%7b')) return decodeURIComponent(text);
  return text;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strs = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export function terraformResourcesToModel(resources: readonly TfResource[], context: TfContext): ImportedSources {
  const out = emptySources();
  const rolePolicies: TfResource[] = [];
  const attachments: TfResource[] = [];
  const secretPolicies: TfResource[] = [];
  const advice = context.advice ?? PLAN_ADVICE;
  for (const r of resources) {
    const v = r.values;
    const note = (message: string, fatal = false, role?: string) => out.notes.push({ from: r.from, message, fatal, ...(role ? { role } : {}) });
    switch (r.type) {
      case 'aws_iam_openid_connect_provider': {
        const url = str(v['url']);
        if (!url) {
          note(`${r.address}: the provider's url is unresolved; ${advice}`);
          break;
        }
        out.providers.push({
          url: url.startsWith('https://') ? url : `https://${url}`,
          clientIds: strs(v['client_id_list']).filter((x): x is string => typeof x === 'string'),
          thumbprints: strs(v['thumbprint_list']).filter((x): x is string => typeof x === 'string'),
        });
        break;
      }
      case 'aws_iam_role': {
        const name = str(v['name']);
        if (!name) {
          note(`${r.address}: the role name is unresolved (${describe(v['name'] ?? v['name_prefix'])}); ${advice}`, true);
          break;
        }
        const trust = parsePolicy(v['assume_role_policy']);
        const trustOmitted = context.omittedParts?.get(v['assume_role_policy']);
        if (!trust.document || trustOmitted) {
          note(`${r.address}.assume_role_policy: ${trust.reason ?? trustOmitted!.join('; ')}; ${advice}`, true, name);
          break;
        }
        const inline = strs(v['inline_policy']).filter((b): b is Record<string, unknown> => !!b && typeof b === 'object');
        const inlinePolicies = inline.map((b, i) => {
          const parsed = parsePolicy(b['policy']);
          const place = `${r.address}.inline_policy[${i}]`;
          if (!parsed.document) note(`${place} (${str(b['name']) ?? 'unnamed'}): ${parsed.reason}; left out`, false, name);
          for (const part of context.omittedParts?.get(b['policy']) ?? []) note(`${place}: ${part}; left out`, false, name);
          return { name: str(b['name']) ?? `inline-${i}`, document: parsed.document, from: { ...r.from, place } };
        });
        const managed: string[] = [];
        for (const arn of strs(v['managed_policy_arns'])) {
          if (typeof arn === 'string') managed.push(arn);
          else note(`${r.address}.managed_policy_arns: ${describe(arn)}; left out`, false, name);
        }
        const boundary = v['permissions_boundary'];
        if (boundary instanceof Unresolved) note(`${r.address}.permissions_boundary: ${boundary.reason}; left out`, false, name);
        const max = v['max_session_duration'];
        out.roles.push({
          name,
          trustPolicy: trust.document,
          inlinePolicies,
          managedPolicyArns: managed,
          ...(str(boundary) ? { permissionsBoundaryArn: str(boundary) } : {}),
          ...(typeof max === 'number' ? { maxSessionDuration: max } : {}),
          from: r.from,
        });
        break;
      }
      case 'aws_iam_role_policy':
        rolePolicies.push(r);
        break;
      case 'aws_iam_role_policy_attachment':
        attachments.push(r);
        break;
      case 'aws_iam_policy': {
        const name = str(v['name']);
        const path = str(v['path']) ?? '/';
        const arn = str(v['arn']) ?? (name ? `arn:aws:iam::${context.accountId}:policy${path}${name}` : undefined);
        if (!name || !arn) {
          note(`${r.address}: the policy name is unresolved; ${advice}`);
          break;
        }
        const parsed = parsePolicy(v['policy']);
        if (!parsed.document) note(`${r.address}.policy: ${parsed.reason}; left out`);
        for (const part of context.omittedParts?.get(v['policy']) ?? []) note(`${r.address}.policy: ${part}; left out`);
        out.managedPolicies.push({ arn, name, document: parsed.document, from: r.from });
        break;
      }
      case 'aws_secretsmanager_secret': {
        const name = str(v['name']);
        if (!name) note(`${r.address}: the secret name is unresolved (name_prefix or an expression); ${advice}`);
        else out.secrets.push({ name, from: r.from });
        const inlinePolicy = v['policy'];
        if (name && inlinePolicy !== undefined && inlinePolicy !== null && inlinePolicy !== '') {
          secretPolicies.push({ ...r, values: { secret_arn: name, policy: inlinePolicy } });
        }
        break;
      }
      case 'aws_secretsmanager_secret_policy':
        secretPolicies.push(r);
        break;
    }
  }
  for (const r of rolePolicies) {
    const role = roleNamed(out, r.values['role']);
    const name = str(r.values['name']) ?? r.address;
    if (!role) {
      out.notes.push({ from: r.from, message: `${r.address}: its role (${describe(r.values['role'])}) is not among the imported roles; left out` });
      continue;
    }
    const parsed = parsePolicy(r.values['policy']);
    if (!parsed.document) out.notes.push({ from: r.from, role: role.name, message: `${r.address}.policy: ${parsed.reason}; left out` });
    for (const part of context.omittedParts?.get(r.values['policy']) ?? []) {
      out.notes.push({ from: r.from, role: role.name, message: `${r.address}.policy: ${part}; left out` });
    }
    role.inlinePolicies.push({ name, document: parsed.document, from: r.from });
  }
  for (const r of attachments) {
    const role = roleNamed(out, r.values['role']);
    const arn = str(r.values['policy_arn']);
    if (!role || !arn) {
      out.notes.push({ from: r.from, role: role?.name, message: `${r.address}: role or policy_arn unresolved (${describe(role ? r.values['policy_arn'] : r.values['role'])}); left out` });
      continue;
    }
    role.managedPolicyArns.push(arn);
  }
  for (const r of secretPolicies) {
    const target = str(r.values['secret_arn']);
    const secretName = target ? (secretNameOfArn(target) ?? target) : undefined;
    const secret = out.secrets.find((s) => s.name === secretName);
    const parsed = parsePolicy(r.values['policy']);
    if (!secret || !parsed.document) {
      out.notes.push({ from: r.from, message: `${r.address}: ${parsed.reason ?? `the secret (${describe(r.values['secret_arn'])}) is not among the imported secrets`}; left out` });
      continue;
    }
    secret.resourcePolicy = parsed.document;
  }
  return out;
}

function roleNamed(sources: ImportedSources, value: unknown) {
  const name = str(value);
  if (!name) return undefined;
  const short = name.includes(':role/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return sources.roles.find((r) => r.name === short);
}

function describe(value: unknown): string {
  if (value instanceof Unresolved) return value.reason;
  if (value === undefined) return 'not set';
  return JSON.stringify(value);
}
