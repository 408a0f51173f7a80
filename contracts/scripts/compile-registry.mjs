#!/usr/bin/env node
// Reproduces contracts/artifacts/<Name>.json from contracts/src/<Name>.sol for the three ERC-8004
// registries (Identity, Reputation, Validation) with solc-js 0.8.37 and OpenZeppelin 5.7.0 (both
// devDependencies), offline.
//   node contracts/scripts/compile-registry.mjs          write the artifacts
//   node contracts/scripts/compile-registry.mjs --check  exit 1 when a committed artifact differs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheckArtifacts } from './artifactCli.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CONTRACTS = ['IdentityRegistry', 'ReputationRegistry', 'ValidationRegistry'];
const sourcePathOf = (name) => `contracts/src/${name}.sol`;
const artifactPathOf = (name) => join(root, `contracts/artifacts/${name}.json`);

/** Settings are part of the artifact so that a reader knows how the bytecode was made. */
export const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  // Metadata hashes embed absolute paths of nothing here, but drop them anyway: the artifact must be byte-stable.
  metadata: { bytecodeHash: 'none', appendCBOR: false },
};
// NewFeedback has eleven fields: the legacy code generator runs out of stack slots on it (as the
// reference contracts' do), so the two registries written this round compile through the IR.
// Identity keeps the settings its committed artifact was made with.
const viaIROf = (name) => name !== 'IdentityRegistry';
const outputSelection = (name) => ({ '*': { [name]: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } });

function findImports(path) {
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `not found: ${path}` };
  }
}

/** One compilation per contract, so that each artifact depends only on its own source. */
export function compileRegistry(name = 'IdentityRegistry') {
  const solc = require('solc');
  const sourcePath = sourcePathOf(name);
  const input = { language: 'Solidity', sources: { [sourcePath]: { content: readFileSync(join(root, sourcePath), 'utf8') } }, settings: { ...settings, ...(viaIROf(name) ? { viaIR: true } : {}), outputSelection: outputSelection(name) } };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[sourcePath][name];
  const artifact = {
    contractName: name,
    sourceName: sourcePath,
    compiler: { solc: solc.version(), openzeppelin: require('@openzeppelin/contracts/package.json').version, settings: { evmVersion: settings.evmVersion, optimizer: settings.optimizer, metadata: settings.metadata, ...(viaIROf(name) ? { viaIR: true } : {}) } },
    abi: contract.abi,
    methodIdentifiers: contract.evm.methodIdentifiers,
    bytecode: `0x${contract.evm.bytecode.object}`,
    deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
  };
  return `${JSON.stringify(artifact, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeOrCheckArtifacts(CONTRACTS.map((name) => [name, artifactPathOf(name), () => compileRegistry(name)]), 'contracts/scripts/compile-registry.mjs');
