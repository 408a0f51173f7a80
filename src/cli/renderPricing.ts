/** The pricing block under `market`'s table: class band, guideline, cost floor, and the candidates. */
import { createColors } from 'picocolors';
import type { PriceResearch } from '../obol/marketPricing.js';
import type { PriceBand } from '../registry/marketStats.js';
import { visible } from './renderRegistry.js';

export interface RenderPricingOptions {
  color?: boolean;
  /** The cost inputs in force, shown beside the floor (or as what --measure would use). */
  watts: string;
  energyPrice: string;
  tokensPerRequest: number;
}

const bandLine = (b: PriceBand) => `${b.q1} – ${b.q3} ${b.symbol} (median ${b.median}; from ${b.count} service${b.count === 1 ? '' : 's'})`;
const BASIS = { 'class-band': 'the class band', 'market-band': 'the market band', guideline: 'the guideline', floor: 'the cost floor' } as const;

export function renderPricing(p: PriceResearch, options: RenderPricingOptions): string {
  const c = createColors(options.color ?? false);
  const out: string[] = [''];
  const { candidate } = p;
  if (p.type === 'http') out.push(c.bold('Pricing an HTTP service'));
  else {
    const what = candidate.model ? visible(candidate.model) : 'your model';
    const sizeText = candidate.parameterSize ? `${visible(candidate.parameterSize.text)}, class ${candidate.sizeClassLabel}` : 'size unknown: pass --size, e.g. --size 8b';
    out.push(c.bold(`Pricing ${what}`) + c.dim(` (${sizeText})`));
  }
  if (candidate.sizeClassLabel) {
    const cls = p.classes.find((k) => k.id === candidate.sizeClass)!;
    out.push(`  class ${cls.label} band: ${p.classBand ? bandLine(p.classBand) : 'no priced service in this class'}`);
    if (p.thin) out.push(c.yellow(`  thin class: ${cls.count} comparable service${cls.count === 1 ? '' : 's'} of ${cls.label} (fewer than 3): the guideline and the cost floor decide`));
  }
  const sized = p.classes.filter((k) => k.count > 0).map((k) => `${k.label}: ${k.count}`);
  if (sized.length > 0 || p.unsizedCount > 0) out.push(c.dim(`  services by size: ${[...sized, `size unknown: ${p.unsizedCount}`].join(', ')}`));
  if (p.guideline) out.push(`  guideline ${p.guideline.label}: ${p.guideline.min} – ${p.guideline.max} ${p.guideline.symbol} per ${p.guideline.unit} ${c.dim(`(${p.guideline.note})`)}`);
  if (p.gpuHourGuideline) out.push(c.dim(`  guideline ${p.gpuHourGuideline.label}: ${p.gpuHourGuideline.min} – ${p.gpuHourGuideline.max} ${p.gpuHourGuideline.symbol} per hour, for a per-hour price`));
  const m = p.measurement;
  if (m && !m.ok) out.push(c.red(`  measurement of ${visible(m.model)} failed (${m.messageId}): ${visible(m.message)}`));
  else if (m && p.floor) {
    const f = p.floor;
    out.push(`  measured: ${visible(m.model)}, ${m.tokens} tokens at ${m.tokensPerSecond} tokens/s (${m.timing === 'reported' ? "Ollama's eval_duration" : 'wall clock, prompt included'})`);
    out.push(`  cost floor: ${c.bold(`${f.perRequest} USDC per request`)} (${f.tokensPerRequest} tokens = ${f.secondsPerRequest} s at ${f.watts} W and ${f.energyPrice} USD/kWh), ${f.perMTok} USDC per 1M tokens`);
  } else if (p.type === 'inference') out.push(c.dim(`  cost floor: not measured; --measure runs a short generation (it loads the model) and costs it at ${options.watts} W, ${options.energyPrice} USD/kWh, ${options.tokensPerRequest} tokens per request`));
  if (p.belowFloor && p.floor) out.push(c.yellow(`  the market band is below your cost floor (${p.floor.perRequest} USDC per request): selling at the market price loses money`));
  const r = p.recommendation;
  if (r) out.push(`  candidates: ${c.bold(`${r.low} · ${r.median} · ${r.high} ${r.symbol} per request`)} ${c.dim(`(low · middle · high, from ${BASIS[r.basis]}${r.raisedToFloor ? ', raised to the cost floor' : ''})`)}`);
  else out.push('  candidates: nothing to base them on; price from your own costs (--measure)');
  out.push(c.dim('  the user picks the price; x402-probe never sets one.'));
  return `${out.join('\n')}\n`;
}
