/**
 * Secrets Manager ARNs end in the secret's name, a dash and six random characters
 * (`arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf`). Before a secret exists the suffix is
 * unknown, so a reference to a secret's ARN is imported as `...:secret:<name>-??????`, which matches the
 * ARN the emulator gives the secret.
 */
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:([^:]*):(\d*|\*):secret:(.+)$/;

export const SUFFIX_PATTERN = '-??????';

export function secretArnPattern(region: string, accountId: string, name: string): string {
  return `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}${SUFFIX_PATTERN}`;
}

/** The secret name an ARN (or an ARN pattern from a policy) stands for, wildcards filled with `example`. */
export function secretNameOfArn(arn: string): string | undefined {
  const m = SECRET_ARN.exec(arn);
  if (!m) return undefined;
  let name = m[3]!;
  name = name.replace(/-\?{6}$/, '').replace(/-\*$/, '').replace(/-[A-Za-z0-9]{6}$/, (s) => (/[0-9]/.test(s) && /[A-Za-z]/.test(s) ? '' : s));
  name = name.replace(/\*$/, '').replace(/[*?]/g, 'x');
  if (name === '') return undefined;
  return name.endsWith('/') ? `${name}example` : name;
}
