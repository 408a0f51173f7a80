import { Agent, type buildConnector } from 'undici';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADER_CAP = 64 * 1024;

export interface CreateDispatcherOptions {
  headerCap?: number;
  connectTimeoutMs?: number;
  connections?: number;
  /** A connector of our own (the network policy's guarded one); it then applies its own connect timeout. */
  connect?: buildConnector.connector;
}

/** One undici pool for a run: header cap, connect timeout, keep-alive. */
export function createDispatcher(options: CreateDispatcherOptions = {}): Agent {
  return new Agent({
    maxHeaderSize: options.headerCap ?? DEFAULT_HEADER_CAP,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    connections: options.connections ?? 8,
    keepAliveTimeout: 2_000,
    // Our own deadline governs; these only stop undici from waiting forever.
    headersTimeout: 0,
    bodyTimeout: 0,
    ...(options.connect ? { connect: options.connect } : {}),
  });
}
