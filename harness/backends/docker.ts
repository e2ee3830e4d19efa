/**
 * Which Docker engine the harness uses. testcontainers tries DOCKER_HOST first but, when it does not answer,
 * silently falls back to /var/run/docker.sock; a user who set DOCKER_HOST meant that engine, so we ping it
 * ourselves first and treat a dead DOCKER_HOST as "no Docker engine answers".
 */
import http from 'node:http';
import { getContainerRuntimeClient, type ContainerRuntimeClient } from 'testcontainers';
import { HarnessError } from '../errors.js';

/** GET /_ping on DOCKER_HOST (unix:// or tcp://); a TLS engine (DOCKER_TLS_VERIFY) is left to testcontainers. */
export function pingDockerHost(dockerHost: string, timeoutMs = 3000): Promise<boolean> {
  let options: http.RequestOptions;
  try {
    const url = new URL(dockerHost);
    if (url.protocol === 'unix:') options = { socketPath: url.pathname };
    else if (url.protocol === 'tcp:' || url.protocol === 'http:') options = { host: url.hostname, port: Number(url.port || 2375) };
    else return Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const req = http.get({ ...options, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** The engine testcontainers will use; DOCKER_UNAVAILABLE (naming DOCKER_HOST when set) when none answers. */
export async function dockerClient(env: NodeJS.ProcessEnv = process.env): Promise<ContainerRuntimeClient> {
  const dockerHost = env.DOCKER_HOST;
  if (dockerHost && env.DOCKER_TLS_VERIFY !== '1' && !(await pingDockerHost(dockerHost))) {
    throw new HarnessError('DOCKER_UNAVAILABLE', `DOCKER_HOST=${dockerHost} does not answer (the default socket is not used when DOCKER_HOST is set)`);
  }
  try {
    return await getContainerRuntimeClient();
  } catch (error) {
    throw new HarnessError('DOCKER_UNAVAILABLE', `no Docker engine answers: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** true when the Docker engine the harness would use answers. */
export async function dockerAnswers(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  try {
    await dockerClient(env);
    return true;
  } catch {
    return false;
  }
}
