/**
 * Resolves CloudFormation intrinsic functions in a template value: Ref (parameters, pseudo parameters,
 * resources), Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If with Conditions, Fn::Equals/
 * Not/And/Or, Fn::FindInMap. What depends on another stack or on deploy time (Fn::ImportValue, Fn::GetAZs,
 * an attribute the importer cannot compute) becomes Unresolved, naming it.
 */
import { Unresolved, firstUnresolved } from '../unresolved.js';

type Json = Record<string, unknown>;

export const NO_VALUE = Symbol('AWS::NoValue');

export interface TemplateScope {
  parameters: Record<string, unknown>;
  pseudo: Record<string, string>;
  conditions: Json;
  mappings: Json;
  /** Ref of a resource (logical id) */
  ref(logicalId: string): unknown;
  /** Fn::GetAtt of a resource */
  getAtt(logicalId: string, attribute: string): unknown;
}

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export class Intrinsics {
  private readonly conditionCache = new Map<string, unknown>();
  constructor(private readonly scope: TemplateScope) {}

  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition')) {
      return this.call(keys[0]!, value[keys[0]!]);
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const r = this.resolve(v);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  condition(name: string): unknown {
    if (!this.conditionCache.has(name)) {
      this.conditionCache.set(name, new Unresolved(`condition ${name} refers to itself`));
      const c = this.scope.conditions[name];
      this.conditionCache.set(name, c === undefined ? new Unresolved(`condition ${name} is not defined`) : this.resolve(c));
    }
    return this.conditionCache.get(name);
  }

  private call(fn: string, arg: unknown): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(String(arg));
      case 'Condition':
        return this.condition(String(arg));
      case 'Fn::GetAtt': {
        const [id, attr] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/);
        return this.scope.getAtt(id!, attr ?? '');
      }
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Join': {
        const [sep, items] = this.args(arg, 2);
        const list = this.resolve(items);
        const bad = firstUnresolved([sep, list]);
        if (bad) return bad;
        return (list as unknown[]).map(String).join(String(sep));
      }
      case 'Fn::Select': {
        const [i, items] = this.args(arg, 2).map((a) => this.resolve(a));
        const bad = firstUnresolved([i, items]);
        return bad ?? (items as unknown[])[Number(i)] ?? new Unresolved(`Fn::Select index ${String(i)} out of range`);
      }
      case 'Fn::Split': {
        const [sep, text] = this.args(arg, 2).map((a) => this.resolve(a));
        const bad = firstUnresolved([sep, text]);
        return bad ?? String(text).split(String(sep));
      }
      case 'Fn::If': {
        const [name, yes, no] = this.args(arg, 3);
        const c = this.condition(String(name));
        if (typeof c !== 'boolean') return c instanceof Unresolved ? c : new Unresolved(`condition ${String(name)} is not a boolean`);
        return this.resolve(c ? yes : no);
      }
      case 'Fn::Equals': {
        const [a, b] = this.args(arg, 2).map((x) => this.resolve(x));
        const bad = firstUnresolved([a, b]);
        return bad ?? JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not': {
        const [a] = this.args(arg, 1).map((x) => this.resolve(x));
        return typeof a === 'boolean' ? !a : a;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const all = (Array.isArray(arg) ? arg : []).map((x) => this.resolve(x));
        const bad = firstUnresolved(all);
        if (bad) return bad;
        return fn === 'Fn::And' ? all.every((x) => x === true) : all.some((x) => x === true);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = this.args(arg, 3).map((x) => this.resolve(x));
        const bad = firstUnresolved([map, top, second]);
        if (bad) return bad;
        const found = (this.scope.mappings[String(map)] as Json | undefined)?.[String(top)] as Json | undefined;
        return found?.[String(second)] ?? new Unresolved(`Fn::FindInMap ${String(map)}.${String(top)}.${String(second)} not found`);
      }
      default:
        return new Unresolved(`${fn} (${JSON.stringify(arg)})`);
    }
  }

  private args(arg: unknown, n: number): unknown[] {
    const list = Array.isArray(arg) ? arg : [arg];
    return Array.from({ length: n }, (_, i) => list[i]);
  }

  private ref(name: string): unknown {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name in this.scope.pseudo) return this.scope.pseudo[name];
    if (name.startsWith('AWS::')) return new Unresolved(`the pseudo parameter ${name}`);
    if (name in this.scope.parameters) return this.scope.parameters[name];
    return this.scope.ref(name);
  }

  private sub(arg: unknown): unknown {
    const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, {}];
    const variables = isObject(vars) ? (this.resolve(vars) as Json) : {};
    let bad: Unresolved | undefined;
    const text = String(template).replace(/\$\{(!?)([^}]*)\}/g, (whole, bang: string, name: string) => {
      if (bang) return `\${${name}}`;
      let v: unknown;
      if (name in variables) v = variables[name];
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const dot = name.indexOf('.');
        v = this.scope.getAtt(name.slice(0, dot), name.slice(dot + 1));
      } else v = this.ref(name);
      if (v instanceof Unresolved) bad ??= v;
      return typeof v === 'string' || typeof v === 'number' ? String(v) : whole;
    });
    return bad ?? text;
  }
}
