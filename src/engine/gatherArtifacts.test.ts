import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ArtifactName } from '../artifacts/index.js';
import { ConfigError, GatherPlanError } from '../errors.js';
import { gatherers as defaultGatherers } from '../gather/index.js';
import type { Gatherer, GathererMeta } from '../gather/types.js';
import { exchange } from '../../test/helpers/artifacts.js';
import { planGathering } from './gatherArtifacts.js';
import { run } from './run.js';

type Extra = Partial<Omit<GathererMeta, 'artifact' | 'dependencies'>> & Partial<Pick<Gatherer, 'notRequested' | 'skipReason' | 'gather'>>;

/** A gatherer that only declares: what it gathers is an empty object unless `gather` says otherwise. */
function declared(artifact: ArtifactName, dependencies: ArtifactName[] = [], extra: Extra = {}): Gatherer {
  const { notRequested, skipReason, gather, ...meta } = extra;
  return { meta: { artifact, dependencies, ...meta }, notRequested, skipReason, gather: gather ?? (async () => ({}) as never) };
}

const names = (list: readonly Gatherer[]) => list.map((g) => g.meta.artifact);
const stageNames = (plan: ReturnType<typeof planGathering>) => plan.stages.map(names);

describe('planGathering', () => {
  it('keeps the shipped gatherers in their listed order, with only the attacks and discovery at once (garbage after malformed, which it reads)', () => {
    const plan = planGathering(defaultGatherers);
    expect(names(plan.order)).toEqual(names(defaultGatherers));
    expect(stageNames(plan)).toEqual([
      ['unpaid'], ['challenge'], ['extensionValidation'], ['tokenInfo'], ['facilitatorSupported', 'forged', 'malformed', 'discovery'], ['garbage'], ['payment'], ['settlement'], ['followUp'],
      ['registryWellKnown'], ['registryAgent'], ['registryFile'], ['offer'],
    ]);
  });

  it('runs a gatherer after the producers of what it reads, whatever the list order, and keeps ties in list order', () => {
    const plan = planGathering([
      declared('settlement', ['payment']),
      declared('payment', ['challenge'], { optionalDependencies: ['tokenInfo'] }),
      declared('offer'),
      declared('tokenInfo', ['challenge']),
      declared('challenge', ['unpaid']),
      declared('unpaid'),
    ]);
    expect(names(plan.order)).toEqual(['offer', 'unpaid', 'challenge', 'tokenInfo', 'payment', 'settlement']);
  });

  it('never lets the concurrent flag run a gatherer beside one it reads', () => {
    const plan = planGathering([declared('unpaid'), declared('forged', [], { concurrent: true }), declared('malformed', ['forged'], { concurrent: true }), declared('payment', [], { concurrent: true })]);
    expect(stageNames(plan)).toEqual([['unpaid'], ['forged'], ['malformed', 'payment']]);
    // Next to each other but not both concurrent: one after the other.
    expect(stageNames(planGathering([declared('forged', [], { concurrent: true }), declared('malformed')]))).toEqual([['forged'], ['malformed']]);
  });

  it('rejects a cycle, naming it', () => {
    const cycle = () => planGathering([declared('unpaid'), declared('challenge', ['payment']), declared('payment', ['settlement']), declared('settlement', ['challenge'])]);
    expect(cycle).toThrow(GatherPlanError);
    expect(cycle).toThrow('gatherers depend on each other in a cycle: challenge → payment → settlement → challenge');
    expect(() => planGathering([declared('challenge', [], { optionalDependencies: ['challenge'] })])).toThrow('cycle: challenge → challenge');
  });

  it('rejects a dependency no gatherer produces, but not an optional one', () => {
    expect(() => planGathering([declared('settlement', ['payment'])])).toThrow(new GatherPlanError('gatherer "settlement" depends on "payment", which no gatherer produces'));
    expect(names(planGathering([declared('payment', [], { optionalDependencies: ['tokenInfo'] })]).order)).toEqual(['payment']);
    // The engine builds the target before any gatherer runs.
    expect(names(planGathering([declared('unpaid', ['target'])]).order)).toEqual(['unpaid']);
  });

  it('rejects two producers of one artifact, a gatherer of an engine artifact, and a reader of the deadline', () => {
    expect(() => planGathering([declared('unpaid'), declared('unpaid')])).toThrow('two gatherers produce "unpaid"');
    expect(() => planGathering([declared('target')])).toThrow('the engine records "target" itself');
    expect(() => planGathering([declared('forged', [], { optionalDependencies: ['deadline'] })])).toThrow('reads "deadline", which the engine records after every gatherer');
  });
});

describe('gathering in dependency order', () => {
  it('rejects a gatherer list it cannot order before any request is sent', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(402).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const { unpaidGatherer } = await import('../gather/unpaid.js');
      await expect(run({ url, gatherers: [unpaidGatherer, declared('settlement', ['payment'])], checks: [] })).rejects.toThrow(GatherPlanError);
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('skips a gatherer whose dependency was not gathered, naming it and the first reason down the chain', async () => {
    const ran: string[] = [];
    const mark = (name: string) => async () => {
      ran.push(name);
      return {} as never;
    };
    const { notGathered } = await run({
      url: 'https://seller.invalid/x',
      checks: [],
      gatherers: [
        declared('unpaid', [], { gather: async () => exchange({ status: null, error: { code: 'refused', message: 'connect ECONNREFUSED' } }) }),
        declared('challenge', ['unpaid'], { skipReason: () => 'no response to the unpaid request', gather: mark('challenge') }),
        declared('payment', ['challenge'], { gather: mark('payment') }),
        declared('settlement', ['payment'], { gather: mark('settlement') }),
      ],
    });
    expect(ran).toEqual([]);
    expect(notGathered).toEqual({
      challenge: 'no response to the unpaid request',
      payment: 'needs "challenge", which was not gathered: no response to the unpaid request',
      settlement: 'needs "payment", which was not gathered: no response to the unpaid request',
    });
  });

  it('asks notRequested first: a run that never asked for a payment says so, whatever else is missing', async () => {
    const { notGathered } = await run({
      url: 'https://seller.invalid/x',
      checks: [],
      gatherers: [declared('challenge', [], { skipReason: () => 'no response' }), declared('payment', ['challenge'], { notRequested: (o) => (o.pay ? null : 'no --pay given') })],
    });
    expect(notGathered.payment).toBe('no --pay given');
  });

  it('hands a gatherer only what it declared, optional ones when gathered, and the target always', async () => {
    const seen: string[][] = [];
    const look = async (ctx: { artifacts: object }) => {
      seen.push(Object.keys(ctx.artifacts).sort());
      return {} as never;
    };
    await run({
      url: 'https://seller.invalid/x',
      checks: [],
      gatherers: [
        declared('unpaid', [], { gather: look }),
        declared('forged', ['unpaid'], { gather: look }),
        declared('offer', [], { gather: look }),
        declared('malformed', ['forged'], { optionalDependencies: ['tokenInfo', 'offer'], gather: look }),
      ],
    });
    expect(seen).toEqual([['target'], ['target', 'unpaid'], ['target'], ['forged', 'offer', 'target']]);
  });

  it('does not let a gatherer replace an artifact it reads', async () => {
    const { notGathered, artifacts } = await run({
      url: 'https://seller.invalid/x',
      checks: [],
      gatherers: [
        declared('unpaid', [], { gather: async () => exchange({ status: 402 }) }),
        declared('challenge', ['unpaid'], {
          gather: async (ctx) => {
            (ctx.artifacts as Record<string, unknown>).unpaid = exchange({ status: 200 });
            return {} as never;
          },
        }),
      ],
    });
    expect(notGathered.challenge).toMatch(/^gatherer failed: /);
    expect(artifacts.unpaid?.status).toBe(402);
  });

  it("stops the run on a skip decision's ConfigError only after what its stage had started has ended", async () => {
    let finished = false;
    const slow = declared('forged', [], { concurrent: true, gather: async () => { await new Promise((r) => setTimeout(r, 50)); finished = true; return {} as never; } });
    const broken = declared('malformed', [], { concurrent: true, skipReason: () => { throw new ConfigError('the signer is gone'); } });
    await expect(run({ url: 'http://127.0.0.1:9/', gatherers: [slow, broken], checks: [] })).rejects.toThrow(ConfigError);
    expect(finished).toBe(true);
  });
});
