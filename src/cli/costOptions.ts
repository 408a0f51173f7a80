/**
 * The cost-floor options `market` and `preflight` share: what the machine draws, what energy
 * costs, how many tokens a request is costed at, and the bounds of the measured run.
 */
import type { Command } from 'commander';
import { DEFAULT_ENERGY_PRICE, DEFAULT_TOKENS_PER_REQUEST, DEFAULT_WATTS } from '../obol/costFloor.js';
import { DEFAULT_MEASURE_TIMEOUT_MS, DEFAULT_MEASURE_TOKENS, MAX_MEASURE_TOKENS } from '../obol/measurement.js';
import { UsageError } from '../errors.js';
import { parseDecimal, parsePositiveInt } from './parse.js';

export interface CostCommandOptions {
  watts: string;
  energyPrice: string;
  tokensPerRequest: number;
  measureTokens: number;
  measureTimeout: number;
}

function parseMeasureTokens(value: string): number {
  const n = parsePositiveInt('--measure-tokens')(value);
  if (n > MAX_MEASURE_TOKENS) throw new UsageError(`--measure-tokens must be at most ${MAX_MEASURE_TOKENS}, got ${n}`);
  return n;
}

export function addCostOptions(command: Command): Command {
  return command
    .option('--watts <n>', "the machine's draw while generating, in watts (for the cost floor)", parseDecimal('--watts'), DEFAULT_WATTS)
    .option('--energy-price <usd>', 'energy price in USD per kWh (for the cost floor)', parseDecimal('--energy-price'), DEFAULT_ENERGY_PRICE)
    .option('--tokens-per-request <n>', "tokens one request is costed at (obol's own per-MTok assumption)", parsePositiveInt('--tokens-per-request'), DEFAULT_TOKENS_PER_REQUEST)
    .option('--measure-tokens <n>', `tokens the measured run may generate (num_predict / max_tokens, at most ${MAX_MEASURE_TOKENS})`, parseMeasureTokens, DEFAULT_MEASURE_TOKENS)
    .option('--measure-timeout <ms>', 'time bound of the measured run in milliseconds', parsePositiveInt('--measure-timeout'), DEFAULT_MEASURE_TIMEOUT_MS);
}
