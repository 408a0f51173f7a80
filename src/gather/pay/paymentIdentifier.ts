import type { ChallengeArtifact } from '../../artifacts/index.js';
import { MissingPackageError } from '../../errors.js';
import { declaredExtensions } from '../../protocol/extensions.js';
import { pinnedOptional } from '../../util/pinnedOptional.js';
import { loadExtensionValidators, validatePaymentIdentifierDeclaration } from '../extensionValidation.js';

/**
 * The challenge as the buyer answers it: when the 402 declares a well-formed payment-identifier
 * extension (v2), its declaration with this buyer's identifier appended by the official helper,
 * so the official client echoes it into the payment payload. `id` reuses an identifier (the
 * follow-up that sends a fresh authorization under the paid one's); a new one is generated
 * otherwise. Any other challenge is returned as it is.
 */
export async function withPaymentIdentifier(challenge: ChallengeArtifact, id?: string): Promise<ChallengeArtifact> {
  const declared = declaredExtensions(challenge);
  if (!declared?.['payment-identifier'] || challenge.x402Version !== 2) return challenge;
  const validators = await loadExtensionValidators();
  if (!validators) {
    // A core install has no @x402/extensions: a seller that requires the identifier would refuse
    // every payment without one, so that is the buyer's setup to fix, not the seller's defect.
    const info = (declared['payment-identifier'] as { info?: { required?: unknown } } | null)?.info;
    if (info?.required === true) throw new MissingPackageError(pinnedOptional(['@x402/extensions']), 'payments to a seller that requires payment-identifier');
    return challenge;
  }
  if (!validatePaymentIdentifierDeclaration(validators, declared['payment-identifier']).valid) return challenge;
  const { appendPaymentIdentifierToExtensions } = await import('@x402/extensions/payment-identifier');
  // A copy: the recorded challenge stays what the seller sent.
  const extensions = appendPaymentIdentifierToExtensions(structuredClone(declared), id);
  return { ...challenge, paymentRequired: { ...(challenge.paymentRequired as Record<string, unknown>), extensions } as ChallengeArtifact['paymentRequired'] };
}

/** The payment identifier a payment header's payload carries, or null. */
export async function paymentIdOf(headerValue: string): Promise<string | null> {
  try {
    const payload = JSON.parse(Buffer.from(headerValue, 'base64').toString('utf8')) as { extensions?: Record<string, unknown> };
    const { extractPaymentIdentifier } = await import('@x402/extensions/payment-identifier');
    return extractPaymentIdentifier(payload as never, false);
  } catch {
    return null;
  }
}
