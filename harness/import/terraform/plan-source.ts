/**
 * `terraform show -json plan.out`: the supported resources of planned_values (root module and child
 * modules). An attribute known only after apply is absent there; it is then rebuilt from the
 * configuration when its expression is a plain reference the importer can compute (a policy document data
 * source, a provider's ARN, a role's name, a policy's or a secret's ARN). Anything else is reported.
 */
import type { ImportOptions, ImportedSources, Place } from '../model.js';
import { secretArnPattern } from '../secret-arns.js';
import { renderPolicyDocument } from './policy-document.js';
import { SUPPORTED_TYPES, terraformResourcesToModel, type TfResource } from './resources.js';
import { Unresolved } from '../unresolved.js';

type Json = Record<string, unknown>;
interface PlanResource {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: unknown;
  values?: Json;
}
interface ConfigModule {
  resources?: Json[];
  module_calls?: Record<string, { module?: ConfigModule; expressions?: Json }>;
}

const NOT_IN_PLAN = 'the plan shows this value only after apply, and its configuration is not a plain reference the importer can compute; import the .tf folder, or import again after apply';

export function isTerraformPlan(data: unknown): boolean {
  return !!data && typeof data === 'object' && 'planned_values' in data && 'format_version' in data;
}

function modulesOf(m: Json | undefined): { address: string; resources: PlanResource[] }[] {
  if (!m) return [];
  const here = { address: typeof m['address'] === 'string' ? m['address'] : '', resources: (m['resources'] as PlanResource[] | undefined) ?? [] };
  return [here, ...((m['child_modules'] as Json[] | undefined) ?? []).flatMap(modulesOf)];
}

/** `module.ci["x"].module.inner` -> ['ci', 'inner'] */
const moduleNames = (address: string): string[] => [...address.matchAll(/module\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);

class PlanReader {
  private readonly planned: PlanResource[];
  private readonly state: PlanResource[];

  constructor(
    private readonly plan: Json,
    private readonly accountId: string,
    private readonly region: string,
  ) {
    this.planned = modulesOf((plan['planned_values'] as Json | undefined)?.['root_module'] as Json | undefined).flatMap((m) => m.resources);
    const prior = (plan['prior_state'] as Json | undefined)?.['values'] as Json | undefined;
    this.state = modulesOf(prior?.['root_module'] as Json | undefined).flatMap((m) => m.resources);
  }

  resources(): PlanResource[] {
    return this.planned.filter((r) => r.mode === 'managed' && SUPPORTED_TYPES.has(r.type));
  }

  private configModule(modulePath: string[]): ConfigModule | undefined {
    let m = (this.plan['configuration'] as Json | undefined)?.['root_module'] as ConfigModule | undefined;
    for (const name of modulePath) m = m?.module_calls?.[name]?.module;
    return m;
  }

  private configOf(modulePath: string[], address: string): Json | undefined {
    return this.configModule(modulePath)?.resources?.find((r) => r['address'] === address);
  }

  /** A resource's values, attributes unknown at plan time rebuilt from the configuration where possible. */
  values(r: PlanResource): Record<string, unknown> {
    const modulePath = moduleNames(r.address.slice(0, r.address.lastIndexOf(`${r.type}.${r.name}`)));
    const config = this.configOf(modulePath, `${r.type}.${r.name}`);
    const out: Record<string, unknown> = { ...(r.values ?? {}) };
    const expressions = (config?.['expressions'] as Json | undefined) ?? {};
    for (const [attr, expr] of Object.entries(expressions)) {
      if (out[attr] !== undefined && out[attr] !== null) continue;
      out[attr] = this.expression(modulePath, attr, expr);
    }
    return out;
  }

  private expression(modulePath: string[], attr: string, expr: unknown): unknown {
    if (Array.isArray(expr)) return expr.map((block) => this.block(modulePath, block as Json));
    if (!expr || typeof expr !== 'object') return undefined;
    const e = expr as Json;
    if ('constant_value' in e) return e['constant_value'];
    const refs = ((e['references'] as string[] | undefined) ?? []).filter((ref, i, all) => !all.some((o, j) => j !== i && o.startsWith(`${ref}.`)));
    if (refs.length === 0) return new Unresolved(`${attr}: ${NOT_IN_PLAN}`);
    const resolved = refs.map((ref) => this.reference(modulePath, ref));
    if (LIST_ATTRIBUTES.has(attr)) return resolved;
    const isPolicy = attr === 'policy' || attr === 'assume_role_policy';
    if (resolved.length === 1 && WHOLE_REFERENCE_ATTRIBUTES.has(attr) && (!isPolicy || refs[0]!.includes('data.aws_iam_policy_document.'))) return resolved[0];
    return new Unresolved(`${attr} (references ${refs.join(', ')}): ${NOT_IN_PLAN}`);
  }

  /** The data source's planned values (known parts) with what is unknown filled from its configuration. */
  private mergeKnown(planned: Json, expressions: Json, modulePath: string[]): Json {
    const out: Json = { ...planned };
    for (const [attr, expr] of Object.entries(expressions)) {
      const known = planned[attr];
      if (Array.isArray(expr) && Array.isArray(known) && known.length === expr.length) {
        out[attr] = expr.map((e, i) => this.mergeKnown((known[i] ?? {}) as Json, e as Json, modulePath));
      } else if (known === undefined || known === null) {
        out[attr] = this.expression(modulePath, attr, expr);
      }
    }
    return out;
  }

  private block(modulePath: string[], block: Json): Json {
    const out: Json = {};
    for (const [attr, expr] of Object.entries(block)) out[attr] = this.expression(modulePath, attr, expr);
    return out;
  }

  private reference(modulePath: string[], ref: string): unknown {
    const parts = ref.split('.');
    const prefix = modulePath.map((m) => `module.${m}.`).join('');
    if (parts[0] === 'var' && modulePath.length === 0) {
      const v = (this.plan['variables'] as Record<string, { value?: unknown }> | undefined)?.[parts[1]!];
      return v?.value ?? new Unresolved(`var.${parts[1]} has no value in the plan`);
    }
    if (parts[0] === 'data' && parts.length >= 4) {
      const [, type, name, attribute] = parts;
      if (type === 'aws_caller_identity' && attribute === 'account_id') return this.accountId;
      if (type === 'aws_partition' && attribute === 'partition') return 'aws';
      if (type === 'aws_region') return this.region;
      const address = `${prefix}data.${type}.${name}`;
      const planned = [...this.planned, ...this.state].find((r) => r.address === address)?.values;
      const known = planned?.[attribute!];
      if (known !== undefined) return known;
      if (type === 'aws_iam_policy_document' && attribute === 'json') {
        const config = this.configOf(modulePath, `data.${type}.${name}`);
        if (!config) return new Unresolved(`${ref}: not in the plan's configuration`);
        const block = this.mergeKnown(planned ?? {}, (config['expressions'] as Json | undefined) ?? {}, modulePath);
        const rendered = renderPolicyDocument(block, `${prefix}data.${type}.${name}`);
        if (!rendered.document || rendered.omitted.length > 0) return new Unresolved(rendered.omitted.join('; '));
        return JSON.stringify(rendered.document);
      }
      return new Unresolved(`${ref}: ${NOT_IN_PLAN}`);
    }
    if (parts.length < 3) return new Unresolved(`${ref}: ${NOT_IN_PLAN}`);
    const [type, name, attribute] = parts;
    const target = this.planned.find((r) => r.address === `${prefix}${type}.${name}`);
    const v = target ? this.values(target) : {};
    const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
    const iamPath = text('path') ?? '/';
    const name_ = text('name');
    switch (`${type}.${attribute}`) {
      case 'aws_iam_openid_connect_provider.arn':
        return text('arn') ?? (text('url') ? `arn:aws:iam::${this.accountId}:oidc-provider/${text('url')!.replace(/^https:\/\//, '')}` : new Unresolved(`${ref}: provider url unknown`));
      case 'aws_iam_role.name':
      case 'aws_iam_role.id':
      case 'aws_iam_policy.name':
      case 'aws_secretsmanager_secret.name':
        return name_ ?? new Unresolved(`${ref}: name unknown`);
      case 'aws_iam_role.arn':
        return name_ ? `arn:aws:iam::${this.accountId}:role${iamPath}${name_}` : new Unresolved(`${ref}: name unknown`);
      case 'aws_iam_policy.arn':
      case 'aws_iam_policy.id':
        return name_ ? `arn:aws:iam::${this.accountId}:policy${iamPath}${name_}` : new Unresolved(`${ref}: name unknown`);
      case 'aws_secretsmanager_secret.arn':
      case 'aws_secretsmanager_secret.id':
        return name_ ? secretArnPattern(this.region, this.accountId, name_) : new Unresolved(`${ref}: name unknown`);
      default:
        return new Unresolved(`${ref}: ${NOT_IN_PLAN}`);
    }
  }
}

/** Attributes that are lists of strings: each reference is one element. */
const LIST_ATTRIBUTES = new Set(['identifiers', 'resources', 'not_resources', 'actions', 'not_actions', 'managed_policy_arns', 'client_id_list']);
/** Attributes that are in practice a reference and nothing else. */
const WHOLE_REFERENCE_ATTRIBUTES = new Set(['assume_role_policy', 'policy', 'role', 'policy_arn', 'secret_arn', 'permissions_boundary', 'url', 'json']);

export function readPlanSource(plan: Json, file: string, options: ImportOptions & { accountId: string; region: string }): ImportedSources {
  const reader = new PlanReader(plan, options.accountId, options.region);
  const resources: TfResource[] = reader.resources().map((r) => ({
    type: r.type,
    address: r.address,
    values: reader.values(r),
    from: { file, place: r.address } satisfies Place,
  }));
  return terraformResourcesToModel(resources, { accountId: options.accountId, advice: 'the plan shows it only after apply: import the .tf folder, or import again after apply' });
}
