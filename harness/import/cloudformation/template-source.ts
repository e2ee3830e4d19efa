/**
 * A CloudFormation template (JSON or YAML; CDK's `cdk.out/*.template.json` included): OIDC providers,
 * roles with their inline and managed policies, AWS::IAM::Policy / ManagedPolicy / RolePolicy attached to
 * roles, secrets and their resource policies. Parameters take `--parameter` values, else their defaults.
 */
import { parseDocument } from 'yaml';
import { HarnessError } from '../../errors.js';
import type { PolicyJson } from '../../policy/types.js';
import { emptySources, type ImportOptions, type ImportedSources, type Place } from '../model.js';
import { secretArnPattern, secretNameOfArn } from '../secret-arns.js';
import { Unresolved, firstUnresolved } from '../unresolved.js';
import { Intrinsics, type TemplateScope } from './intrinsics.js';
import { CLOUDFORMATION_TAGS } from './yaml-tags.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export function isCloudFormationTemplate(data: unknown): boolean {
  return isObject(data) && isObject(data['Resources']) && Object.values(data['Resources']).some((r) => isObject(r) && typeof r['Type'] === 'string' && r['Type'].startsWith('AWS::'));
}

/** JSON or YAML text with CloudFormation's tags; YAML errors name line and column. */
export function parseTemplateText(text: string, display: string): unknown {
  const doc = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new HarnessError('IMPORT_INPUT', `${display}: ${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

export function readTemplateSource(template: Json, file: string, options: ImportOptions & { accountId: string; region: string }): ImportedSources {
  const out = emptySources();
  const resources = (template['Resources'] ?? {}) as Record<string, Json>;
  const parameters: Record<string, unknown> = {};
  for (const [name, p] of Object.entries((template['Parameters'] ?? {}) as Record<string, Json>)) {
    if (name in options.parameters) parameters[name] = p['Type'] === 'CommaDelimitedList' ? options.parameters[name]!.split(',') : options.parameters[name];
    else if (p['Default'] !== undefined) parameters[name] = p['Type'] === 'CommaDelimitedList' ? String(p['Default']).split(',') : p['Default'];
    else parameters[name] = new Unresolved(`parameter ${name} has no default; pass --parameter ${name}=VALUE`);
  }
  const names = new Map<string, string>();
  const typeOf = (id: string) => resources[id]?.['Type'] as string | undefined;
  const props = (id: string) => (resources[id]?.['Properties'] ?? {}) as Json;
  let intrinsics: Intrinsics;
  const nameOf = (id: string, key: string): unknown => {
    const given = props(id)[key];
    if (given === undefined) return id;
    return intrinsics.resolve(given);
  };
  const withName = (id: string, key: string, f: (n: string) => string): unknown => {
    const n = nameOf(id, key);
    return typeof n === 'string' ? f(n) : n;
  };
  const iamPath = (id: string) => (typeof props(id)['Path'] === 'string' ? (props(id)['Path'] as string) : '/');
  const acct = options.accountId;
  const scope: TemplateScope = {
    parameters,
    pseudo: { 'AWS::AccountId': acct, 'AWS::Partition': 'aws', 'AWS::Region': options.region, 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': 'stack' },
    conditions: (template['Conditions'] ?? {}) as Json,
    mappings: (template['Mappings'] ?? {}) as Json,
    ref(id) {
      switch (typeOf(id)) {
        case 'AWS::IAM::Role':
          return nameOf(id, 'RoleName');
        case 'AWS::IAM::OIDCProvider':
          return providerArn(id);
        case 'AWS::IAM::ManagedPolicy':
          return withName(id, 'ManagedPolicyName', (n) => `arn:aws:iam::${acct}:policy${iamPath(id)}${n}`);
        case 'AWS::IAM::Policy':
          return nameOf(id, 'PolicyName');
        case 'AWS::SecretsManager::Secret':
          return withName(id, 'Name', (n) => secretArnPattern(options.region, acct, n));
        case undefined:
          return new Unresolved(`Ref ${id}: no such parameter or resource`);
        default:
          return new Unresolved(`Ref ${id} (${typeOf(id)})`);
      }
    },
    getAtt(id, attribute) {
      const key = `${typeOf(id)}.${attribute}`;
      switch (key) {
        case 'AWS::IAM::Role.Arn':
          return withName(id, 'RoleName', (n) => `arn:aws:iam::${acct}:role${iamPath(id)}${n}`);
        case 'AWS::IAM::Role.RoleId':
          return new Unresolved(`${id}.RoleId is known only after deployment`);
        case 'AWS::IAM::OIDCProvider.Arn':
          return providerArn(id);
        case 'AWS::IAM::ManagedPolicy.PolicyArn':
          return withName(id, 'ManagedPolicyName', (n) => `arn:aws:iam::${acct}:policy${iamPath(id)}${n}`);
        case 'AWS::SecretsManager::Secret.Id':
          return withName(id, 'Name', (n) => secretArnPattern(options.region, acct, n));
        default:
          return new Unresolved(`Fn::GetAtt ${id}.${attribute}`);
      }
    },
  };
  intrinsics = new Intrinsics(scope);
  function providerArn(id: string): unknown {
    const url = intrinsics.resolve(props(id)['Url']);
    return typeof url === 'string' ? `arn:aws:iam::${acct}:oidc-provider/${url.replace(/^https:\/\//, '')}` : url;
  }

  const at = (id: string, key?: string): Place => ({ file, place: `Resources.${id}${key ? `.Properties.${key}` : ''}` });
  const note = (from: Place, message: string, fatal = false, role?: string) => out.notes.push({ from, message, fatal, ...(role ? { role } : {}) });
  const document = (id: string, key: string, value: unknown, role?: string): PolicyJson | undefined => {
    const resolved = intrinsics.resolve(value);
    if (!isObject(resolved)) {
      note(at(id, key), `${resolved instanceof Unresolved ? resolved.reason : 'not a policy document'}; left out`, false, role);
      return undefined;
    }
    const statements = Array.isArray(resolved['Statement']) ? resolved['Statement'] : resolved['Statement'] === undefined ? [] : [resolved['Statement']];
    const kept = statements.filter((s, i) => {
      const bad = firstUnresolved(s);
      if (bad) note(at(id, `${key}.Statement[${i}]`), `${bad.reason}; left out`, false, role);
      return !bad;
    });
    const bad = firstUnresolved({ ...resolved, Statement: kept });
    if (bad) {
      note(at(id, key), `${bad.reason}; left out`, false, role);
      return undefined;
    }
    return { ...resolved, Statement: kept };
  };
  const isActive = (id: string): boolean => {
    const c = resources[id]?.['Condition'];
    if (typeof c !== 'string') return true;
    const v = intrinsics.condition(c);
    if (typeof v === 'boolean') return v;
    note(at(id), `the resource's condition ${c} cannot be decided (${(v as Unresolved).reason}); left out`);
    return false;
  };

  const attachLater: { id: string; roles: unknown; policy: { name: string; document?: PolicyJson; arn?: string } }[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || !isActive(id)) continue;
    const p = props(id);
    switch (resource['Type']) {
      case 'AWS::IAM::OIDCProvider': {
        const url = intrinsics.resolve(p['Url']);
        const clientIds = intrinsics.resolve(p['ClientIdList'] ?? []);
        const thumbprints = intrinsics.resolve(p['ThumbprintList'] ?? []);
        if (typeof url !== 'string') note(at(id, 'Url'), `${(url as Unresolved).reason ?? 'no Url'}; left out`);
        else out.providers.push({ url, clientIds: asStrings(clientIds), thumbprints: asStrings(thumbprints) });
        break;
      }
      case 'AWS::IAM::Role': {
        const name = nameOf(id, 'RoleName');
        if (typeof name !== 'string') {
          note(at(id, 'RoleName'), `${(name as Unresolved).reason}`, true);
          break;
        }
        if (p['RoleName'] === undefined) note(at(id), `no RoleName: CloudFormation generates one on deploy; imported as "${id}"`, false, name);
        const trust = intrinsics.resolve(p['AssumeRolePolicyDocument']);
        const bad = firstUnresolved(trust);
        if (!isObject(trust) || bad) {
          note(at(id, 'AssumeRolePolicyDocument'), `${bad?.reason ?? 'missing'}; pass --parameter for it, or import the deployed role with aws iam get-role`, true, name);
          break;
        }
        const policies = Array.isArray(p['Policies']) ? (intrinsics.resolve(p['Policies']) as unknown[]) : [];
        const max = intrinsics.resolve(p['MaxSessionDuration']);
        const boundary = intrinsics.resolve(p['PermissionsBoundary']);
        const managed = intrinsics.resolve(p['ManagedPolicyArns'] ?? []);
        out.roles.push({
          name,
          trustPolicy: trust,
          inlinePolicies: policies.filter(isObject).map((pol, i) => ({
            name: String(pol['PolicyName']),
            document: document(id, `Policies[${i}].PolicyDocument`, pol['PolicyDocument'], name),
            from: at(id, `Policies[${i}]`),
          })),
          managedPolicyArns: (Array.isArray(managed) ? managed : []).filter((a): a is string => {
            if (typeof a !== 'string') note(at(id, 'ManagedPolicyArns'), `${(a as Unresolved).reason}; left out`, false, name);
            return typeof a === 'string';
          }),
          ...(typeof boundary === 'string' ? { permissionsBoundaryArn: boundary } : {}),
          ...(typeof max === 'number' || typeof max === 'string' ? { maxSessionDuration: Number(max) } : {}),
          from: at(id),
        });
        break;
      }
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::RolePolicy': {
        const name = String(intrinsics.resolve(p['PolicyName']));
        const roles = resource['Type'] === 'AWS::IAM::RolePolicy' ? [p['RoleName']] : p['Roles'];
        attachLater.push({ id, roles, policy: { name, document: document(id, 'PolicyDocument', p['PolicyDocument']) } });
        break;
      }
      case 'AWS::IAM::ManagedPolicy': {
        const arn = scope.ref(id);
        const name = nameOf(id, 'ManagedPolicyName');
        if (typeof arn !== 'string' || typeof name !== 'string') break;
        const doc = document(id, 'PolicyDocument', p['PolicyDocument']);
        out.managedPolicies.push({ arn, name, document: doc, from: at(id) });
        attachLater.push({ id, roles: p['Roles'], policy: { name, arn } });
        break;
      }
      case 'AWS::SecretsManager::Secret': {
        const name = nameOf(id, 'Name');
        if (typeof name === 'string') names.set(id, name), out.secrets.push({ name, from: at(id) });
        else note(at(id, 'Name'), `${(name as Unresolved).reason}; left out`);
        break;
      }
    }
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource['Type'] !== 'AWS::SecretsManager::ResourcePolicy' || !isActive(id)) continue;
    const p = props(id);
    const target = intrinsics.resolve(p['SecretId']);
    const name = typeof target === 'string' ? (secretNameOfArn(target) ?? target) : undefined;
    const secret = out.secrets.find((s) => s.name === name);
    const doc = document(id, 'ResourcePolicy', p['ResourcePolicy']);
    if (secret && doc) secret.resourcePolicy = doc;
    else if (!secret) note(at(id, 'SecretId'), 'the secret is not among the imported secrets; left out');
  }
  for (const a of attachLater) {
    const roles = intrinsics.resolve(a.roles ?? []);
    for (const roleName of Array.isArray(roles) ? roles : []) {
      const role = out.roles.find((r) => r.name === roleName);
      if (!role) {
        note(at(a.id, 'Roles'), `${roleName instanceof Unresolved ? roleName.reason : `role ${String(roleName)} is not among the imported roles`}; left out`);
        continue;
      }
      if (a.policy.arn) role.managedPolicyArns.push(a.policy.arn);
      else role.inlinePolicies.push({ name: a.policy.name, document: a.policy.document, from: at(a.id) });
    }
  }
  return out;
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
