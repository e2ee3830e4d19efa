/**
 * Which LocalStack image to run and with what environment. Since 2026-03-23 LocalStack's official images
 * newer than 4.14.0 (and `latest`) exit without LOCALSTACK_AUTH_TOKEN ("License activation failed"), so we
 * refuse those early. Any other image (LOCALSTACK_IMAGE: a mirror, an own build) is run as given.
 */
import { LOCALSTACK_IMAGE_DEFAULT, LOCALSTACK_LAST_FREE_VERSION } from '../../../localstack/image.js';
import { HarnessError } from '../../errors.js';

export interface LocalstackConfig {
  image: string;
  /** environment of the container (the token, when given, is passed through and never printed) */
  environment: Record<string, string>;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** LocalStack's own images on Docker Hub (`localstack/localstack`, `localstack/localstack-pro`, any tag). */
export function isOfficialImage(image: string): boolean {
  return /^(?:(?:docker\.io|registry-1\.docker\.io|index\.docker\.io)\/)?localstack\/localstack(?:-pro)?(?::[^/]+)?$/.test(image);
}

/**
 * false only for official images that need a token: any tag but a community version <= 4.14.0
 * (`latest`, `stable`, no tag, 4.15+, every localstack-pro tag). Mirrors and own builds are the user's call:
 * if one exits for want of a licence, the start error says so.
 */
export function runsWithoutToken(image: string): boolean {
  if (!isOfficialImage(image)) return true;
  const match = /^(?:.*\/)?localstack\/localstack:(\d+(?:\.\d+){0,2})$/.exec(image);
  return match !== null && compareVersions(match[1]!, LOCALSTACK_LAST_FREE_VERSION) <= 0;
}

export function resolveLocalstackConfig(env: NodeJS.ProcessEnv = process.env): LocalstackConfig {
  const image = env.LOCALSTACK_IMAGE || LOCALSTACK_IMAGE_DEFAULT;
  const token = env.LOCALSTACK_AUTH_TOKEN;
  if (!token && !runsWithoutToken(image)) {
    throw new HarnessError(
      'LOCALSTACK_AUTH_REQUIRED',
      `LocalStack image ${image} needs LOCALSTACK_AUTH_TOKEN: since the 2026-03 licence change only ` +
        `localstack/localstack:${LOCALSTACK_LAST_FREE_VERSION} and older start without one. ` +
        `Unset LOCALSTACK_IMAGE to use ${LOCALSTACK_IMAGE_DEFAULT}, name a mirror or your own build in LOCALSTACK_IMAGE, ` +
        'set LOCALSTACK_AUTH_TOKEN, or run on moto with --target moto.',
    );
  }
  return { image, environment: token ? { LOCALSTACK_AUTH_TOKEN: token } : {} };
}

/** LocalStack selects the account from a 12-digit access key id. */
export function localstackCredentials(accountId: string): { accessKeyId: string; secretAccessKey: string } {
  if (!/^\d{12}$/.test(accountId)) throw new TypeError(`account id must be 12 digits, got ${accountId}`);
  return { accessKeyId: accountId, secretAccessKey: 'test' };
}
