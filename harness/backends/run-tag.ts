/**
 * Every resource the harness creates carries the tag `aws-oidc-harness:run=<runId>`, so that backends
 * that cannot wipe their state (real AWS, an existing endpoint) delete exactly what this run made.
 */
import { randomUUID } from 'node:crypto';

export const RUN_TAG_KEY = 'aws-oidc-harness:run';

/** One id per process; set HARNESS_RUN_ID to share it between processes. */
export const RUN_ID: string = process.env.HARNESS_RUN_ID ?? `run-${randomUUID()}`;

export const runTags = (runId: string = RUN_ID): Record<string, string> => ({ [RUN_TAG_KEY]: runId });
