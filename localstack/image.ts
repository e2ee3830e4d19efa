/**
 * The LocalStack image, pinned in this one place. Since 2026-03-23 newer images (and `latest`) require
 * LOCALSTACK_AUTH_TOKEN; 4.14.0 is the last community image that starts without one.
 */
export const LOCALSTACK_IMAGE_DEFAULT = 'localstack/localstack:4.14.0';

/** The newest version that runs without an auth token. */
export const LOCALSTACK_LAST_FREE_VERSION = '4.14.0';
