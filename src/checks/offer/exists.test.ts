import { expect } from 'vitest';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { missingOffer, offerArtifact } from '../../../test/obol/offerArtifact.js';
import * as exists from './exists.js';

checkTester(exists, {
  valid: [{ name: 'the offer was read', artifacts: { offer: offerArtifact() }, messageId: 'found' }],
  invalid: (
    [
      ['not-found', 'notFound'],
      ['missing-crd', 'missingCrd'],
      ['forbidden', 'forbidden'],
      ['unauthorized', 'unauthorized'],
      ['unreachable', 'unreachable'],
      ['server', 'other'],
    ] as const
  ).map(([reason, messageId]) => ({
    name: `not read: ${reason}`,
    artifacts: { offer: missingOffer(reason, `${reason} happened`) },
    status: 'fail' as const,
    messageId,
    evidence: expect.stringContaining(reason),
  })),
});
