import { describe, expect, it } from 'vitest';
import { missingOffer, offerArtifact } from '../../../test/obol/offerArtifact.js';
import { check, meta } from './exists.js';

describe(meta.id, () => {
  it('passes when the offer was read', () => {
    const out = check({ offer: offerArtifact() });
    expect([out.status, out.messageId]).toEqual(['pass', 'found']);
  });

  it('fails with the reason it could not be read', () => {
    const cases = [
      ['not-found', 'notFound'],
      ['missing-crd', 'missingCrd'],
      ['forbidden', 'forbidden'],
      ['unauthorized', 'unauthorized'],
      ['unreachable', 'unreachable'],
      ['server', 'other'],
    ] as const;
    for (const [reason, messageId] of cases) {
      const out = check({ offer: missingOffer(reason, `${reason} happened`) });
      expect([out.status, out.messageId]).toEqual(['fail', messageId]);
      expect(out.evidence).toContain(reason);
    }
  });
});
