export interface LockfileRegistry {
  /** The registry URL to pass as --registry (ends with a slash). */
  url: string;
  /** Packuments served so far. */
  readonly requested: number;
  close(): Promise<void>;
}

export function cachedTarballPath(cacheDir: string, integrity: string): string;
export function defaultNpmCache(): string;
export function startLockfileRegistry(options: { lockfilePath: string; cacheDir?: string; includeDev?: boolean }): Promise<LockfileRegistry>;
