/**
 * A folder of Terraform `.tf` files: variables (defaults, `*.tfvars`, --var), locals,
 * `data "aws_iam_policy_document"` and the supported resources, with references between them resolved.
 * Parsing is @cdktf/hcl2json's (HashiCorp's HCL library); only expression evaluation is ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { HarnessError } from '../../errors.js';
import type { ImportOptions, ImportedSources, Place } from '../model.js';
import { secretArnPattern } from '../secret-arns.js';
import { evaluateValue, type Lookup } from './hcl-expression.js';
import { renderPolicyDocument } from './policy-document.js';
import { SUPPORTED_TYPES, terraformResourcesToModel, type TfResource } from './resources.js';
import { PLAN_ADVICE, Unresolved } from '../unresolved.js';

type Block = Record<string, unknown>;
interface Located<T> {
  value: T;
  file: string;
}

export function hclFilesOf(source: string): { tf: string[]; tfvars: string[] } {
  if (!statSync(source).isDirectory()) return { tf: [source], tfvars: [] };
  const names = readdirSync(source).sort();
  const tf = names.filter((n) => n.endsWith('.tf')).map((n) => path.join(source, n));
  const tfvars = names.filter((n) => n.endsWith('.tfvars')).sort((a, b) => (a === 'terraform.tfvars' ? -1 : b === 'terraform.tfvars' ? 1 : a.localeCompare(b)));
  return { tf, tfvars: tfvars.map((n) => path.join(source, n)) };
}

async function parseFile(file: string, display: string): Promise<Block> {
  try {
    return (await parse(path.basename(file), readFileSync(file, 'utf8'))) as Block;
  } catch (error) {
    const detail = (error as Error).message.replace(/^parse config: \[?/, '').replace(/\]$/, '');
    throw new HarnessError('IMPORT_INPUT', `${display}: not valid HCL: ${detail}`);
  }
}

const firstBlock = (v: unknown): Block => (Array.isArray(v) ? (v[0] as Block) : (v as Block)) ?? {};

class HclScope {
  readonly variables = new Map<string, unknown>();
  readonly locals = new Map<string, Located<unknown>>();
  readonly data = new Map<string, Located<Block>>();
  readonly resources = new Map<string, Located<Block>>();
  private readonly memo = new Map<string, Promise<unknown>>();
  readonly omittedParts = new Map<unknown, string[]>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  readonly lookup: Lookup = async (segments, accessor) => {
    const [root, a, b, c] = segments;
    if (root === 'var' && a !== undefined) {
      return this.variables.has(a) ? this.variables.get(a) : new Unresolved(`var.${a} has no value (no default, not in *.tfvars); pass --var ${a}=VALUE`);
    }
    if (root === 'local' && a !== undefined) return this.local(a);
    if (root === 'data' && a !== undefined && b !== undefined) return this.dataAttribute(a, b, c, accessor);
    if (root === 'module') return new Unresolved(`${accessor}: a module output; ${PLAN_ADVICE}`);
    if (root !== undefined && a !== undefined && b !== undefined && segments.length === 3) return this.resourceAttribute(root, a, b, accessor);
    return new Unresolved(`the reference ${accessor}`);
  };

  private once(key: string, compute: () => Promise<unknown>): Promise<unknown> {
    let p = this.memo.get(key);
    if (!p) {
      this.memo.set(key, Promise.resolve(new Unresolved(`${key} refers to itself`)));
      p = compute();
      this.memo.set(key, p);
    }
    return p;
  }

  private local(name: string): Promise<unknown> {
    const found = this.locals.get(name);
    if (!found) return Promise.resolve(new Unresolved(`local.${name} is not defined`));
    return this.once(`local.${name}`, () => evaluateValue(found.file, found.value, this.lookup));
  }

  private async dataAttribute(type: string, name: string, attribute: string | undefined, accessor: string): Promise<unknown> {
    if (type === 'aws_caller_identity' && attribute === 'account_id') return this.accountId;
    if (type === 'aws_partition' && attribute === 'partition') return 'aws';
    if (type === 'aws_region' && (attribute === 'name' || attribute === 'region' || attribute === 'id')) return this.region;
    const found = this.data.get(`${type}.${name}`);
    if (type === 'aws_iam_policy_document' && found && (attribute === 'json' || attribute === 'minified_json')) {
      return this.once(`data.${type}.${name}`, async () => {
        const block = firstBlock(found.value);
        if (block['count'] !== undefined || block['for_each'] !== undefined) {
          return new Unresolved(`data.${type}.${name} uses ${block['count'] !== undefined ? 'count' : 'for_each'}; ${PLAN_ADVICE}`);
        }
        const evaluated = (await evaluateValue(found.file, block, this.lookup)) as Block;
        const rendered = renderPolicyDocument(evaluated, `data.${type}.${name}`);
        if (!rendered.document) return new Unresolved(rendered.omitted.join('; '));
        const json = JSON.stringify(rendered.document);
        if (rendered.omitted.length > 0) this.omittedParts.set(json, rendered.omitted);
        return json;
      });
    }
    return new Unresolved(`${accessor}: a data source the importer does not read; ${PLAN_ADVICE}`);
  }

  private async resourceAttribute(type: string, name: string, attribute: string, accessor: string): Promise<unknown> {
    const found = this.resources.get(`${type}.${name}`);
    if (!found) return new Unresolved(`${accessor}: ${type}.${name} is not defined in these files`);
    const block = firstBlock(found.value);
    if (block['count'] !== undefined || block['for_each'] !== undefined) {
      return new Unresolved(`${accessor}: ${type}.${name} uses ${block['count'] !== undefined ? 'count' : 'for_each'}; ${PLAN_ADVICE}`);
    }
    const attr = async (key: string) => this.once(`${type}.${name}.${key}`, () => evaluateValue(found.file, block[key], this.lookup));
    const text = async (key: string): Promise<string | Unresolved> => {
      const v = await attr(key);
      return typeof v === 'string' ? v : v instanceof Unresolved ? v : new Unresolved(`${type}.${name}.${key} is not set`);
    };
    const withText = async (key: string, f: (s: string) => string) => {
      const v = await text(key);
      return v instanceof Unresolved ? v : f(v);
    };
    const iamPath = async () => {
      const p = await attr('path');
      return typeof p === 'string' ? p : '/';
    };
    switch (`${type}.${attribute}`) {
      case 'aws_iam_openid_connect_provider.arn':
      case 'aws_iam_openid_connect_provider.id':
        return withText('url', (url) => `arn:aws:iam::${this.accountId}:oidc-provider/${url.replace(/^https:\/\//, '')}`);
      case 'aws_iam_openid_connect_provider.url':
        return withText('url', (url) => url.replace(/^https:\/\//, ''));
      case 'aws_iam_role.name':
      case 'aws_iam_role.id':
        return text('name');
      case 'aws_iam_role.arn': {
        const p = await iamPath();
        return withText('name', (n) => `arn:aws:iam::${this.accountId}:role${p}${n}`);
      }
      case 'aws_iam_policy.arn':
      case 'aws_iam_policy.id': {
        const p = await iamPath();
        return withText('name', (n) => `arn:aws:iam::${this.accountId}:policy${p}${n}`);
      }
      case 'aws_iam_policy.name':
      case 'aws_secretsmanager_secret.name':
        return text('name');
      case 'aws_secretsmanager_secret.arn':
      case 'aws_secretsmanager_secret.id':
        return withText('name', (n) => secretArnPattern(this.region, this.accountId, n));
      default:
        return new Unresolved(`${accessor}: an attribute known only after apply; ${PLAN_ADVICE}`);
    }
  }
}

/** `--var` values are strings; a JSON list or object is decoded (as Terraform does for complex types). */
function parseVarValue(text: string): unknown {
  if (/^[[{]/.test(text.trim())) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export async function readHclSource(source: string, options: ImportOptions & { accountId: string; region: string }, display: (f: string) => string): Promise<ImportedSources> {
  const { tf, tfvars } = hclFilesOf(source);
  if (tf.length === 0) throw new HarnessError('IMPORT_INPUT', `${display(source)}: no .tf file in this directory`);
  const scope = new HclScope(options.accountId, options.region);
  const resources: Located<{ type: string; name: string; block: Block }>[] = [];
  const notes: ImportedSources['notes'] = [];
  for (const file of tf) {
    const parsed = await parseFile(file, display(file));
    const at = (place: string): Place => ({ file: display(file), place });
    for (const [name, v] of Object.entries((parsed['variable'] ?? {}) as Record<string, unknown>)) {
      const d = firstBlock(v)['default'];
      if (d !== undefined) scope.variables.set(name, await evaluateValue(file, d, scope.lookup));
    }
    for (const group of (parsed['locals'] ?? []) as Block[]) {
      for (const [name, value] of Object.entries(group)) scope.locals.set(name, { value, file });
    }
    for (const [type, byName] of Object.entries((parsed['data'] ?? {}) as Record<string, Record<string, Block>>)) {
      for (const [name, block] of Object.entries(byName)) scope.data.set(`${type}.${name}`, { value: firstBlock(block), file });
    }
    for (const [type, byName] of Object.entries((parsed['resource'] ?? {}) as Record<string, Record<string, Block>>)) {
      for (const [name, block] of Object.entries(byName)) {
        scope.resources.set(`${type}.${name}`, { value: firstBlock(block), file });
        if (SUPPORTED_TYPES.has(type)) resources.push({ value: { type, name, block: firstBlock(block) }, file });
      }
    }
    for (const name of Object.keys((parsed['module'] ?? {}) as Record<string, unknown>)) {
      notes.push({ from: at(`module "${name}"`), message: `module "${name}" is not followed; ${PLAN_ADVICE}` });
    }
  }
  for (const file of tfvars) {
    const parsed = await parseFile(file, display(file));
    for (const [name, value] of Object.entries(parsed)) scope.variables.set(name, await evaluateValue(file, value, scope.lookup));
  }
  for (const [name, value] of Object.entries(options.vars)) scope.variables.set(name, parseVarValue(value));

  const tfResources: TfResource[] = [];
  for (const { value: r, file } of resources) {
    const address = `${r.type}.${r.name}`;
    const from: Place = { file: display(file), place: `resource "${r.type}" "${r.name}"` };
    const replication = r.block['count'] !== undefined ? 'count' : r.block['for_each'] !== undefined ? 'for_each' : undefined;
    if (replication) {
      notes.push({ from, message: `${address} uses ${replication}; ${PLAN_ADVICE}`, fatal: r.type === 'aws_iam_role' });
      continue;
    }
    const { dynamic, ...rest } = r.block;
    if (dynamic !== undefined) {
      for (const kind of Object.keys(dynamic as Block)) notes.push({ from, message: `${address}: a \`dynamic "${kind}"\` block is left out; ${PLAN_ADVICE}` });
    }
    const values = (await evaluateValue(file, rest, scope.lookup)) as Record<string, unknown>;
    tfResources.push({ type: r.type, address, values, from });
  }
  const model = terraformResourcesToModel(tfResources, { accountId: options.accountId, omittedParts: scope.omittedParts });
  model.notes.unshift(...notes);
  return model;
}
