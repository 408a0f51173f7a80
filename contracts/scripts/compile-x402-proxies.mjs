#!/usr/bin/env node
// Reproduces contracts/artifacts/x402ExactPermit2Proxy.json and x402UptoPermit2Proxy.json from
// contracts/src/x402/ with solc-js 0.8.37 and OpenZeppelin 5.7.0 (both devDependencies), offline.
//   node contracts/scripts/compile-x402-proxies.mjs          write the artifacts
//   node contracts/scripts/compile-x402-proxies.mjs --check  exit 1 when a committed artifact differs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheckArtifacts } from './artifactCli.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROXIES = ['x402ExactPermit2Proxy', 'x402UptoPermit2Proxy'];
const sourcePathOf = (name) => `contracts/src/x402/${name}.sol`;
const artifactPathOf = (name) => join(root, `contracts/artifacts/${name}.json`);

/** Settings are part of the artifact so that a reader knows how the bytecode was made. */
export const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none', appendCBOR: false },
};

/** Sibling sources by their repository path, OpenZeppelin through node's resolution. */
function findImports(path) {
  try {
    const file = path.startsWith('contracts/') ? join(root, path) : require.resolve(path);
    return { contents: readFileSync(file, 'utf8') };
  } catch {
    return { error: `not found: ${path}` };
  }
}

export function compileProxy(name) {
  const solc = require('solc');
  const sourcePath = sourcePathOf(name);
  const input = {
    language: 'Solidity',
    sources: { [sourcePath]: { content: readFileSync(join(root, sourcePath), 'utf8') } },
    settings: { ...settings, outputSelection: { [sourcePath]: { [name]: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[sourcePath][name];
  const artifact = {
    contractName: name,
    sourceName: sourcePath,
    compiler: { solc: solc.version(), openzeppelin: require('@openzeppelin/contracts/package.json').version, settings },
    abi: contract.abi,
    methodIdentifiers: contract.evm.methodIdentifiers,
    bytecode: `0x${contract.evm.bytecode.object}`,
    deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
  };
  return `${JSON.stringify(artifact, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeOrCheckArtifacts(PROXIES.map((name) => [name, artifactPathOf(name), () => compileProxy(name)]), 'contracts/scripts/compile-x402-proxies.mjs');
