/** AWS's ValidationError wording: "N validation error(s) detected: Value '<v>' at '<field>' failed to ..." */
export interface Violation {
  field: string;
  /** null: the parameter is missing; undefined: a sensitive value AWS does not echo */
  value: string | null | undefined;
  constraint: string;
}

export function violationText({ field, value, constraint }: Violation): string {
  // [chosen] sensitive values (the token) are not echoed; AWS's exact form for them is unknown
  const shown = value === null ? 'null' : value === undefined ? '' : `'${value}'`;
  const valuePart = shown ? `Value ${shown} at` : 'Value at';
  return `${valuePart} '${field}' failed to satisfy constraint: ${constraint}`;
}

export function validationMessage(violations: readonly Violation[]): string {
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.map(violationText).join('; ')}`;
}

export const minLength = (n: number) => `Member must have length greater than or equal to ${n}`;
export const maxLength = (n: number) => `Member must have length less than or equal to ${n}`;
export const minValue = (n: number) => `Member must have value greater than or equal to ${n}`;
export const maxValue = (n: number) => `Member must have value less than or equal to ${n}`;
export const notNull = 'Member must not be null';
export const pattern = (p: string) => `Member must satisfy regular expression pattern: ${p}`;
