/**
 * A Node image for the IdP container that needs no registry: IDP_IMAGE when set, the stock node image when the
 * engine has it, else (Linux hosts) an image imported from this machine's own node binary and the shared
 * libraries it links (`ldd`), tagged `aws-oidc-harness/node:<version>` and built once per engine.
 */
import { execFileSync, spawn } from 'node:child_process';
import { ImageName, getContainerRuntimeClient } from 'testcontainers';
import { HarnessError } from '../errors.js';

export const HOST_NODE_IMAGE = `aws-oidc-harness/node:${process.version.slice(1)}`;

/** absolute paths of the node binary and every library the loader maps for it */
export function hostNodeFiles(execPath: string = process.execPath): string[] {
  const ldd = execFileSync('ldd', [execPath], { encoding: 'utf8' });
  const libraries = [...ldd.matchAll(/(\/[^\s)]+)/g)].map((m) => m[1]!);
  return [execPath, ...new Set(libraries)];
}

export async function resolveIdpImage(preferred: string, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<string> {
  if (env.IDP_IMAGE) return env.IDP_IMAGE;
  const client = await getContainerRuntimeClient();
  if (await client.image.exists(ImageName.fromString(preferred))) return preferred;
  if (process.platform !== 'linux') return preferred;
  if (await client.image.exists(ImageName.fromString(HOST_NODE_IMAGE))) return HOST_NODE_IMAGE;
  log(`${preferred} is not on this Docker engine: importing ${HOST_NODE_IMAGE} from this machine's node binary`);
  const files = hostNodeFiles().map((f) => f.replace(/^\//, ''));
  // -h stores the libraries' targets, not their symlinks; node lands at /usr/bin/node, on the default PATH
  const tar = spawn('tar', ['-c', '-h', '-C', '/', '--transform', `s|^${process.execPath.slice(1)}$|usr/bin/node|`, ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stream = await client.container.dockerode.importImage(tar.stdout as unknown as string, { repo: HOST_NODE_IMAGE.split(':')[0], tag: HOST_NODE_IMAGE.split(':')[1] });
  await new Promise<void>((resolve, reject) => {
    (stream as NodeJS.ReadableStream).on('end', resolve).on('error', reject);
    (stream as NodeJS.ReadableStream).resume();
  });
  if (!(await client.image.exists(ImageName.fromString(HOST_NODE_IMAGE)))) {
    throw new HarnessError('BACKEND_START_FAILED', `could not import ${HOST_NODE_IMAGE}; set IDP_IMAGE to a Node 20 image this engine has`);
  }
  return HOST_NODE_IMAGE;
}
