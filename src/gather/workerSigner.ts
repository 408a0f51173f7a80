import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../util/packageRoot.js';
import type { TypedDataSigner } from './signPayment.js';

/** A throwaway signer whose key and signing live on another thread. */
export interface WorkerSigner extends TypedDataSigner {
  close(): Promise<void>;
}

// Plain CommonJS run with `eval`, so it works from src/, dist/ and the CLI bundle alike. It loads
// signingThread.ts from the file the main thread found: the throwaway key (throwawaySigner.ts)
// signs there, and the official client builds whole payloads there. Running from src/ before a
// build, it signs with a viem account (whose CommonJS entry is handed over) and builds nothing.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
async function start() {
  if (workerData.signerModule) {
    const m = await import(workerData.signerModule);
    const signer = await m.createThrowawaySigner();
    return { signer, payload: (paymentRequired) => m.createPaymentPayload(signer, paymentRequired) };
  }
  const { generatePrivateKey, privateKeyToAccount } = require(workerData.viemAccounts);
  return { signer: privateKeyToAccount(generatePrivateKey()), payload: null };
}
start().then(({ signer, payload }) => {
  parentPort.postMessage({ address: signer.address, payloads: Boolean(payload) });
  parentPort.on('message', async ({ id, request, paymentRequired }) => {
    try {
      // As JSON text: a seller's nesting the client echoes (accepted.extra) may be too deep for the
      // main thread to deserialize, and a message it cannot read is dropped with its id.
      if (paymentRequired) parentPort.postMessage({ id, payload: JSON.stringify(await payload(JSON.parse(paymentRequired))) });
      else parentPort.postMessage({ id, signature: await signer.signTypedData(request) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error && error.message || error) });
    }
  });
}, (error) => parentPort.postMessage({ startError: String(error && error.message || error) }));
`;

/** signingThread.js beside this module (dist/gather/, or the CLI bundle's entry), else the built one, else none. */
function signingThreadModule(): string | null {
  for (const file of [fileURLToPath(new URL('./signingThread.js', import.meta.url)), join(packageRoot(), 'dist', 'gather', 'signingThread.js')]) {
    if (existsSync(file)) return pathToFileURL(file).href;
  }
  return null;
}

type Pending = { resolve: (answer: never) => void; reject: (error: Error) => void };
type Answer = { id: number; signature?: `0x${string}`; payload?: string; error?: string };

/**
 * A fresh key that holds nothing, signing on a worker thread. A scan signs one forged payment
 * per target; the official client's payload building, keccak and the signature were a third of
 * the CPU of the thread that runs the exchanges and the checks, so they move off it.
 */
export async function createWorkerSigner(): Promise<WorkerSigner> {
  const viemAccounts = createRequire(import.meta.url).resolve('viem/accounts');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { viemAccounts, signerModule: signingThreadModule() } });
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const { address, payloads } = await new Promise<{ address: `0x${string}`; payloads: boolean }>((resolve, reject) => {
    worker.once('message', (m: { address?: `0x${string}`; payloads?: boolean; startError?: string }) =>
      m.address ? resolve({ address: m.address, payloads: Boolean(m.payloads) }) : reject(new Error(`the signing thread did not start: ${m.startError}`)),
    );
    worker.once('error', reject);
  });
  worker.on('message', (m: Answer) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    const answer = m.signature ?? (m.payload === undefined ? undefined : JSON.parse(m.payload));
    if (answer !== undefined) p.resolve(answer as never);
    else p.reject(new Error(m.error ?? 'signing failed'));
  });
  // Once the thread is gone nothing answers: what waits, and what asks later, must reject, not hang.
  let ended: Error | null = null;
  const end = (error: Error) => {
    ended ??= error;
    for (const p of pending.values()) p.reject(ended);
    pending.clear();
  };
  const ask = <T>(message: Record<string, unknown>): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      if (ended) throw ended;
      // Posted first: a message too deep to clone throws here, and leaves nothing pending.
      worker.postMessage({ id, ...message });
      pending.set(id, { resolve: resolve as (answer: never) => void, reject });
    });
  };
  worker.on('error', end);
  worker.on('exit', (code) => end(new Error(`the signing thread ended (exit code ${code})`)));
  return {
    address,
    signTypedData: (request) => ask<`0x${string}`>({ request }),
    // Sent as JSON text too: cloning the object was most of what a message cost the main thread.
    ...(payloads ? { createPaymentPayload: async (paymentRequired: Record<string, unknown>) => ask<Record<string, unknown>>({ paymentRequired: JSON.stringify(paymentRequired) }) } : {}),
    async close() {
      await worker.terminate();
    },
  };
}
