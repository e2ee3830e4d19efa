/**
 * What the reports need to know about a run besides its tests, carried in Playwright's `config.metadata`.
 * Blob reports keep the metadata, and `merge-reports` merges it, so the merged reports know it too.
 */
import path from 'node:path';

export const RUN_METADATA_KEY = 'awsOidcHarness';

export interface HarnessRunMetadata {
  /** what `run --target` asked for (`auto` before a target started) */
  target?: string;
  enforcement?: 'harness' | 'target' | 'off';
  /** the scenario files and directories, relative to the working directory of the run */
  scenarioPaths: string[];
}

export function runMetadataFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Record<string, unknown> {
  const absolute = env.HARNESS_SCENARIOS ? (JSON.parse(env.HARNESS_SCENARIOS) as string[]) : ['scenarios'];
  const metadata: HarnessRunMetadata = {
    ...(env.HARNESS_TARGET ? { target: env.HARNESS_TARGET } : {}),
    enforcement: env.HARNESS_TARGET === 'aws' ? 'target' : env.HARNESS_ENFORCE === 'off' ? 'off' : 'harness',
    scenarioPaths: absolute.map((p) => path.relative(cwd, path.resolve(cwd, p)) || '.'),
  };
  return { [RUN_METADATA_KEY]: metadata };
}

export function runMetadataOf(metadata: Record<string, unknown> | undefined): HarnessRunMetadata | undefined {
  const value = metadata?.[RUN_METADATA_KEY];
  if (value === null || typeof value !== 'object') return undefined;
  const m = value as Partial<HarnessRunMetadata>;
  return {
    ...(typeof m.target === 'string' ? { target: m.target } : {}),
    ...(m.enforcement === 'harness' || m.enforcement === 'target' || m.enforcement === 'off' ? { enforcement: m.enforcement } : {}),
    scenarioPaths: Array.isArray(m.scenarioPaths) ? m.scenarioPaths.filter((p): p is string => typeof p === 'string') : [],
  };
}
