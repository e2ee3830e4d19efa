import { getContainerRuntimeClient } from 'testcontainers';

/** true when testcontainers finds a container engine that answers. */
export async function dockerAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
