/**
 * What scan's signing thread (gather/workerSigner.ts) imports, a bundle entry of its own: the
 * throwaway key, and the official client that builds whole payment payloads with it, so that
 * neither the client nor the signing runs on the thread that makes the exchanges.
 */
export { createThrowawaySigner } from './throwawaySigner.js';
export { createPaymentPayload } from './signPayment.js';
