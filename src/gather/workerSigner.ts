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

// Plain CommonJS run with `eval`, so it works from src/, dist/ and the CLI bundle alike. It signs
// with throwawaySigner.ts (the EIP-3009 fast path) from the file the main thread found, else
// (running from src/ before a build) with a viem account, whose CommonJS entry is handed over.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
async function start() {
  if (workerData.signerModule) return (await import(workerData.signerModule)).createThrowawaySigner();
  const { generatePrivateKey, privateKeyToAccount } = require(workerData.viemAccounts);
  return privateKeyToAccount(generatePrivateKey());
}
start().then((signer) => {
  parentPort.postMessage({ address: signer.address });
  parentPort.on('message', async ({ id, request }) => {
    try {
      parentPort.postMessage({ id, signature: await signer.signTypedData(request) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error && error.message || error) });
    }
  });
}, (error) => parentPort.postMessage({ startError: String(error && error.message || error) }));
`;

/** throwawaySigner.js beside this module (dist/gather/, or the CLI bundle's entry), else the built one, else none. */
function throwawaySignerModule(): string | null {
  for (const file of [fileURLToPath(new URL('./throwawaySigner.js', import.meta.url)), join(packageRoot(), 'dist', 'gather', 'throwawaySigner.js')]) {
    if (existsSync(file)) return pathToFileURL(file).href;
  }
  return null;
}

type Pending = { resolve: (signature: `0x${string}`) => void; reject: (error: Error) => void };

/**
 * A fresh key that holds nothing, signing on a worker thread. A scan signs one forged payment
 * per target; secp256k1 and keccak in JavaScript are most of a scan's CPU, so they move off the
 * thread that runs the exchanges and the checks.
 */
export async function createWorkerSigner(): Promise<WorkerSigner> {
  const viemAccounts = createRequire(import.meta.url).resolve('viem/accounts');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { viemAccounts, signerModule: throwawaySignerModule() } });
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const address = await new Promise<`0x${string}`>((resolve, reject) => {
    worker.once('message', (m: { address?: `0x${string}`; startError?: string }) => (m.address ? resolve(m.address) : reject(new Error(`the signing thread did not start: ${m.startError}`))));
    worker.once('error', reject);
  });
  worker.on('message', (m: { id: number; signature?: `0x${string}`; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.signature) p.resolve(m.signature);
    else p.reject(new Error(m.error ?? 'signing failed'));
  });
  worker.on('error', (error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  return {
    address,
    signTypedData(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
