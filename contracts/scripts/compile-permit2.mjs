#!/usr/bin/env node
// Reproduces contracts/artifacts/Permit2.json from Uniswap's MIT source as @uniswap/v4-periphery@1.0.3
// ships it (lib/permit2/src, solmate under lib/permit2/lib/solmate), with solc-js 0.8.17 (the npm
// alias solc-0.8.17), offline, under the settings of Permit2's own foundry.toml.
//   node contracts/scripts/compile-permit2.mjs          write the artifact
//   node contracts/scripts/compile-permit2.mjs --check  exit 1 when the committed artifact differs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheckArtifacts } from './artifactCli.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifactPath = join(root, 'contracts/artifacts/Permit2.json');
const peripheryRoot = () => dirname(require.resolve('@uniswap/v4-periphery/package.json'));
const permit2Root = () => join(peripheryRoot(), 'lib', 'permit2');
const SOURCE = 'src/Permit2.sol';

/** Permit2's foundry.toml: 0.8.17, via-IR, 1,000,000 optimizer runs, no metadata hash. */
export const settings = {
  evmVersion: 'london',
  viaIR: true,
  optimizer: { enabled: true, runs: 1_000_000 },
  metadata: { bytecodeHash: 'none' },
  remappings: ['solmate/=lib/solmate/'],
};

/** Source unit names stay relative to lib/permit2, so the artifact does not depend on where node_modules is. */
function findImports(path) {
  try {
    return { contents: readFileSync(join(permit2Root(), path), 'utf8') };
  } catch {
    return { error: `not found: ${path}` };
  }
}

export function compilePermit2() {
  const solc = require('solc-0.8.17');
  const input = {
    language: 'Solidity',
    sources: { [SOURCE]: { content: readFileSync(join(permit2Root(), SOURCE), 'utf8') } },
    settings: { ...settings, outputSelection: { [SOURCE]: { Permit2: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences', 'evm.methodIdentifiers'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[SOURCE].Permit2;
  const artifact = {
    contractName: 'Permit2',
    sourceName: `@uniswap/v4-periphery/lib/permit2/${SOURCE}`,
    license: 'MIT (Uniswap Labs; solmate by transmissions11)',
    compiler: { solc: solc.version(), package: `@uniswap/v4-periphery@${require('@uniswap/v4-periphery/package.json').version}`, settings },
    abi: contract.abi,
    methodIdentifiers: contract.evm.methodIdentifiers,
    bytecode: `0x${contract.evm.bytecode.object}`,
    deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
    immutableReferences: contract.evm.deployedBytecode.immutableReferences,
  };
  return `${JSON.stringify(artifact, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeOrCheckArtifacts([['Permit2', artifactPath, compilePermit2]], 'contracts/scripts/compile-permit2.mjs');
