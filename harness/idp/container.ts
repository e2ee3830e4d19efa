/**
 * The mock IdP as a container on a testcontainers Network (so containers such as LocalStack reach it by alias).
 * The spec is plain data (unit-tested without Docker); the IdP code is bundled with esbuild (installed with tsx)
 * into one file and copied into a stock Node image (or, where none can be pulled, one imported from this
 * machine's node binary: node-image.ts).
 */
import { GenericContainer, Wait, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import { resolveIdpImage } from './node-image.js';
import { connectMockIdp } from './remote.js';
import { newControlSecret } from './control-auth.js';
import { ENV_CONTROL_SECRET, ENV_HOST, ENV_ISSUERS, ENV_PORT, type ServedIssuer } from './serve-env.js';
import { CONTROL_PREFIX } from './server.js';
import type { MockIdp } from './types.js';
import { siblingModule } from '../module-path.js';

export const IDP_IMAGE = 'node:20.20-alpine';
export const IDP_CONTAINER_PORT = 8080;
export const IDP_DEFAULT_ALIAS = 'mock-idp';
const ENTRY_TARGET = '/opt/mock-idp/serve-main.mjs';

export interface IdpContainerSpec {
  image: string;
  command: string[];
  env: Record<string, string>;
  alias: string;
  exposedPort: number;
  /** where the bundled entry is copied in the container */
  entryTarget: string;
  healthPath: string;
}

export function buildIdpContainerSpec(issuers: ServedIssuer[], options: { alias?: string; image?: string } = {}): IdpContainerSpec {
  return {
    image: options.image ?? IDP_IMAGE,
    command: ['node', ENTRY_TARGET],
    env: { [ENV_ISSUERS]: JSON.stringify(issuers), [ENV_PORT]: String(IDP_CONTAINER_PORT), [ENV_HOST]: '0.0.0.0' },
    alias: options.alias ?? IDP_DEFAULT_ALIAS,
    exposedPort: IDP_CONTAINER_PORT,
    entryTarget: ENTRY_TARGET,
    healthPath: `${CONTROL_PREFIX}/health`,
  };
}

/** serve-main (.ts from the sources, .js from dist/) and everything it imports (jose included) as one ESM file */
export async function bundleServeMain(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [siblingModule(import.meta.url, './serve-main')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

export function containerFromSpec(spec: IdpContainerSpec, network: StartedNetwork, bundle: string): GenericContainer {
  return new GenericContainer(spec.image)
    .withNetwork(network)
    .withNetworkAliases(spec.alias)
    .withEnvironment(spec.env)
    .withCopyContentToContainer([{ content: bundle, target: spec.entryTarget }])
    .withCommand(spec.command)
    .withExposedPorts(spec.exposedPort)
    .withWaitStrategy(Wait.forHttp(spec.healthPath, spec.exposedPort).forStatusCode(200));
}

export interface StartedIdpContainer {
  /** driven from the host through the mapped port */
  idp: MockIdp;
  /** how other containers on the network reach it, e.g. http://mock-idp:8080 */
  networkOrigin: string;
  container: StartedTestContainer;
}

export async function startIdpContainer(
  network: StartedNetwork,
  issuers: ServedIssuer[],
  options: { alias?: string; image?: string } = {},
): Promise<StartedIdpContainer> {
  const spec = buildIdpContainerSpec(issuers, { ...options, image: options.image ?? (await resolveIdpImage(IDP_IMAGE)) });
  const controlSecret = newControlSecret();
  const container = await containerFromSpec(spec, network, await bundleServeMain())
    .withEnvironment({ ...spec.env, [ENV_CONTROL_SECRET]: controlSecret })
    .start();
  const origin = `http://${container.getHost()}:${container.getMappedPort(spec.exposedPort)}`;
  const idp = await connectMockIdp(origin, { controlSecret, onClose: async () => void (await container.stop()) });
  return { idp, networkOrigin: `http://${spec.alias}:${spec.exposedPort}`, container };
}
