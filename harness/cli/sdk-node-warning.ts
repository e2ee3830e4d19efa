/**
 * The AWS SDK for JavaScript v3 warns (NodeVersionSupportWarning, 9 lines) in every process that creates a client
 * on Node < 22: once per Playwright worker. Its documented opt-out, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true,
 * is set for the harness's processes and the CLI says it once, in one line. A value the user set is kept.
 */
const OPT_OUT = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
const SDK_MIN_NODE = 22;

/** the variable to pass on, and the one-line note to print (undefined when there is nothing to say) */
export function sdkNodeWarningOnce(env: NodeJS.ProcessEnv = process.env, nodeVersion = process.version): { env: Record<string, string>; note?: string } {
  if (env[OPT_OUT] !== undefined) return { env: {} };
  const major = Number(nodeVersion.slice(1).split('.')[0]);
  const note =
    major < SDK_MIN_NODE
      ? `note: Node ${nodeVersion}: AWS SDK for JavaScript releases after the first week of January 2027 require Node >= ${SDK_MIN_NODE}`
      : undefined;
  return { env: { [OPT_OUT]: 'true' }, ...(note ? { note } : {}) };
}
