/**
 * Kubeconfig resolution the way kubectl does it: --kubeconfig, else the KUBECONFIG list
 * (merged, first file wins), else ~/.kube/config, else the in-cluster service account;
 * then --context over the file's current-context.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type Cluster, type Context, KubeConfig, type User } from '@kubernetes/client-node';
import { ConfigError } from '../errors.js';
import { errorLine } from '../util/errorLine.js';

export interface ResolveKubeConfigParameters {
  /** --kubeconfig: one file, used alone. */
  kubeconfig?: string;
  /** --context: overrides the current-context. */
  context?: string;
  /** Environment to read KUBECONFIG, HOME and KUBERNETES_SERVICE_HOST/PORT from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Home directory for ~/.kube/config (default: HOME from env, else os.homedir()). */
  homeDir?: string;
  /** Root prefix of /var/run/secrets/kubernetes.io/serviceaccount (tests point it at a temp dir). */
  inClusterRoot?: string;
}

export type KubeConfigSource = 'flag' | 'KUBECONFIG' | 'home' | 'in-cluster';

export interface ResolvedKubeConfig {
  kc: KubeConfig;
  source: KubeConfigSource;
  /** Files read, in precedence order (empty in-cluster). */
  files: string[];
  context: string;
  /** API server URL of the context's cluster. */
  server: string;
  /** The context's namespace, when it sets one (kubectl's default for -n). */
  namespace: string | null;
}

const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function loadFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (error) {
    throw new ConfigError(`cannot read kubeconfig ${file}: ${errorLine(error)}`);
  }
  return kc;
}

/** kubectl's merge: for every named cluster, user and context, and the current-context, the first file to set it wins. */
function merge(configs: KubeConfig[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const kc of configs) {
    for (const c of kc.getClusters() ?? []) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.getUsers() ?? []) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.getContexts() ?? []) if (!contexts.has(c.name)) contexts.set(c.name, c);
    if (!currentContext && kc.getCurrentContext()) currentContext = kc.getCurrentContext();
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext });
  return merged;
}

function inCluster(env: NodeJS.ProcessEnv, root: string): KubeConfig | null {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const dir = `${root}${SERVICE_ACCOUNT}`;
  if (!host || !port || !existsSync(join(dir, 'token'))) return null;
  // The same shape client-node's loadFromCluster builds, but from the given env and root.
  const scheme = port === '80' || port === '8080' || port === '8001' ? 'http' : 'https';
  const server = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const namespaceFile = join(dir, 'namespace');
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : undefined;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'inCluster', server, caFile: join(dir, 'ca.crt'), skipTLSVerify: false }],
    users: [{ name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: join(dir, 'token') } } }],
    contexts: [{ name: 'inClusterContext', cluster: 'inCluster', user: 'inClusterUser', namespace }],
    currentContext: 'inClusterContext',
  });
  return kc;
}

/** Resolve the kubeconfig and context to use. Throws ConfigError (exit 2) when none is usable. */
export function resolveKubeConfig(params: ResolveKubeConfigParameters = {}): ResolvedKubeConfig {
  const env = params.env ?? process.env;
  let kc: KubeConfig | null = null;
  let source: KubeConfigSource;
  let files: string[] = [];
  if (params.kubeconfig) {
    if (!existsSync(params.kubeconfig)) throw new ConfigError(`--kubeconfig ${params.kubeconfig}: no such file`);
    files = [params.kubeconfig];
    kc = loadFile(params.kubeconfig);
    source = 'flag';
  } else if (env.KUBECONFIG && env.KUBECONFIG.trim() !== '') {
    // kubectl skips missing entries of the list; all missing is an error worth naming.
    files = env.KUBECONFIG.split(delimiter).filter((f) => f !== '' && existsSync(f));
    if (files.length === 0) throw new ConfigError(`KUBECONFIG=${env.KUBECONFIG} names no existing file`);
    kc = merge(files.map(loadFile));
    source = 'KUBECONFIG';
  } else {
    const home = params.homeDir ?? env.HOME ?? homedir();
    const file = join(home, '.kube', 'config');
    if (existsSync(file)) {
      files = [file];
      kc = loadFile(file);
      source = 'home';
    } else {
      kc = inCluster(env, params.inClusterRoot ?? '');
      source = 'in-cluster';
      if (!kc) throw new ConfigError(`no kubeconfig: pass --kubeconfig, set KUBECONFIG, or create ${file} (obol writes one to ~/.config/obol/kubeconfig.yaml)`);
    }
  }
  if (params.context) {
    if (!kc.getContextObject(params.context)) {
      const known = (kc.getContexts() ?? []).map((c) => c.name);
      throw new ConfigError(`--context ${params.context}: no such context in the kubeconfig${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    }
    kc.setCurrentContext(params.context);
  }
  const contextName = kc.getCurrentContext();
  const context = contextName ? kc.getContextObject(contextName) : null;
  if (!context) throw new ConfigError(contextName ? `the kubeconfig's current-context ${contextName} does not exist` : 'the kubeconfig has no current-context; pass --context');
  const cluster = kc.getCluster(context.cluster);
  if (!cluster?.server) throw new ConfigError(`context ${contextName} names cluster ${context.cluster}, which has no server in the kubeconfig`);
  return { kc, source, files, context: contextName, server: cluster.server, namespace: context.namespace ?? null };
}
