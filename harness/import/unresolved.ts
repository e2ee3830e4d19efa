/** A Terraform value the importer could not compute, with the reason in words (names what it was). */
export class Unresolved {
  constructor(readonly reason: string) {}
}

export const isUnresolved = (v: unknown): v is Unresolved => v instanceof Unresolved;

/** The first unresolved part anywhere inside a value. */
export function firstUnresolved(value: unknown): Unresolved | undefined {
  if (value instanceof Unresolved) return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = firstUnresolved(v);
      if (u) return u;
    }
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const u = firstUnresolved(v);
      if (u) return u;
    }
  }
  return undefined;
}

export const PLAN_ADVICE = 'import the plan JSON instead (terraform show -json plan.out)';
