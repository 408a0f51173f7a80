/**
 * The extensions a 402 declares (`PaymentRequired.extensions`). Pure: schemas and JSON, no I/O.
 * sign-in-with-x is judged here against zod schemas of its declared type; bazaar and
 * payment-identifier go through @x402/extensions' own validators, an optional package, in
 * gather/extensionValidation.ts.
 */
import * as z from 'zod';
import type { ChallengeArtifact } from '../artifacts/index.js';
import { isCaip2 } from './networks.js';

/** Extension keys x402-probe judges; any other is listed and never failed for being unknown. */
export const KNOWN_EXTENSIONS = ['bazaar', 'payment-identifier', 'sign-in-with-x'] as const;

/** The 402's `extensions` object (v2), or null when it declares none. */
export function declaredExtensions(challenge: Pick<ChallengeArtifact, 'paymentRequired'> | undefined): Record<string, unknown> | null {
  const ext = (challenge?.paymentRequired as { extensions?: unknown } | null | undefined)?.extensions;
  return typeof ext === 'object' && ext !== null && !Array.isArray(ext) ? (ext as Record<string, unknown>) : null;
}

export interface ExtensionVerdict {
  valid: boolean;
  errors: string[];
}

const SUPPORTED_CHAIN = z.object({ chainId: z.string().refine(isCaip2, 'not a CAIP-2 chain id'), type: z.enum(['eip191', 'ed25519']), signatureScheme: z.string().optional() });
const ISO_TIME = z.string().datetime({ offset: true });

/** sign-in-with-x's server declaration, as @x402/extensions' SIWxExtension types it (CAIP-122 fields). */
const SIWX_DECLARATION = z.object({
  info: z.object({
    domain: z.string().min(1),
    uri: z.string().url(),
    statement: z.string().optional(),
    version: z.literal('1'),
    nonce: z.string().min(8),
    issuedAt: ISO_TIME,
    expirationTime: ISO_TIME.optional(),
    notBefore: ISO_TIME.optional(),
    requestId: z.string().optional(),
    resources: z.array(z.string().url()).optional(),
  }),
  supportedChains: z.array(SUPPORTED_CHAIN).min(1),
  schema: z.object({ type: z.literal('object') }).passthrough(),
});

/** A sign-in-with-x declaration: well formed, and bound to the origin that served it (CAIP-122 domain and uri). */
export function validateSiwxDeclaration(extension: unknown, responseUrl: string): ExtensionVerdict {
  const parsed = SIWX_DECLARATION.safeParse(extension);
  if (!parsed.success) return { valid: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  const errors: string[] = [];
  const served = new URL(responseUrl);
  const { domain, uri } = parsed.data.info;
  if (domain !== served.host && domain !== served.hostname) errors.push(`info.domain ${JSON.stringify(domain)} is not the origin's host ${served.host}`);
  if (new URL(uri).origin !== served.origin) errors.push(`info.uri ${JSON.stringify(uri)} is not on ${served.origin}`);
  return { valid: errors.length === 0, errors };
}
