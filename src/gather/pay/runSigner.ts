import type { PaymentPlan } from '../../artifacts/index.js';
import type { RunDeadline } from '../deadline.js';
import type { ProbeOptions } from '../options.js';
import { type BuyerSigner, capSigner } from './buyerSigner.js';

/** One capped signer per run: the deadline object is made once per run, so it keys the run. */
const signers = new WeakMap<RunDeadline, { plan: PaymentPlan; signer: BuyerSigner }>();

/**
 * The run's capped signer. Every gatherer that signs for `--pay` (the paid session, the
 * follow-up attacks) signs through this one, so the budget (`--max-total`) is counted across the
 * whole run, not per gatherer. The official client signs with one argument: the run deadline is
 * bound here, so a remote signer answering late is cut at it like any exchange.
 */
export function runSigner(ctx: { options: Pick<ProbeOptions, 'pay'>; deadline: RunDeadline }, plan: PaymentPlan): BuyerSigner {
  const known = signers.get(ctx.deadline);
  if (known) {
    // A second plan in one run would be a second budget: refuse it rather than sign under it.
    if (known.plan !== plan) throw new Error('one payment plan per run');
    return known.signer;
  }
  const signer = ctx.options.pay!.signer;
  const bounded: BuyerSigner = { address: signer.address, kind: signer.kind, signTypedData: (request) => signer.signTypedData(request, { deadline: ctx.deadline }) };
  const capped = capSigner(bounded, plan);
  signers.set(ctx.deadline, { plan, signer: capped });
  return capped;
}
