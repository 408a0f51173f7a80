/** The preflight report, for a terminal and as one JSON document. */
import { createColors } from 'picocolors';
import { version } from '../version.js';
import type { OllamaModel } from './ollama.js';
import type { PreflightResult } from './preflight.js';
import { SIZE_CLASSES } from './modelSize.js';
import type { SellCandidate } from './sellCandidates.js';

const KIND_LABEL: Record<SellCandidate['kind'], string> = { 'ollama-model': 'ollama', 'endpoint-model': 'endpoint', 'cluster-service': 'service' };

function candidateFacts(candidate: SellCandidate): string {
  if (candidate.kind === 'cluster-service') return `ports ${candidate.ports?.join(', ')}`;
  if (!candidate.parameterSize) return `size unknown  ${candidate.source}`;
  const label = SIZE_CLASSES.find((c) => c.id === candidate.sizeClass)?.label;
  return `${candidate.parameterSize.text} (${label})  ${candidate.source}`;
}

export function renderPreflightJson(result: PreflightResult): string {
  return `${JSON.stringify({ tool: 'x402-probe', version, command: 'preflight', type: result.type, ready: result.ready, items: result.items, candidates: result.candidates }, null, 2)}\n`;
}

export function renderPreflightPretty(result: PreflightResult, options: { color?: boolean } = {}): string {
  const c = createColors(options.color ?? false);
  const mark = { ready: c.green('✓'), 'not-ready': c.red('✗'), skipped: c.dim('-') } as const;
  // Widths from the label as shown, " (optional)" included, so every detail starts in one column.
  const plainLabel = (i: PreflightResult['items'][number]) => (i.required ? i.title : `${i.title} (optional)`);
  const width = Math.max(...result.items.map((i) => plainLabel(i).length));
  const out = [`${c.bold('x402-probe preflight')}  ${c.dim(`ready to sell ${result.type === 'http' ? 'an HTTP service' : 'inference'} on obol-stack?`)}`, ''];
  for (const i of result.items) {
    const label = i.required ? i.title : `${i.title} ${c.dim('(optional)')}`;
    const pad = ' '.repeat(width - plainLabel(i).length + 2);
    out.push(`  ${mark[i.status]} ${label}${pad}${i.status === 'ready' ? i.detail : c.dim(i.detail)}`);
    if (i.id === 'ollama' && Array.isArray(i.data?.models)) {
      for (const m of i.data.models as OllamaModel[]) out.push(`      ${m.name}  ${c.dim([m.sizeText, m.parameterSize, m.quantization].filter(Boolean).join('  '))}`);
    }
    if (i.status === 'not-ready' && i.fix) out.push(`      ${c.dim('fix:')} ${i.fix}`);
  }
  if (result.candidates.length > 0) {
    out.push('', c.bold('Sellable candidates'));
    const width = Math.max(...result.candidates.map((k) => k.name.length));
    for (const k of result.candidates) {
      out.push(`  ${KIND_LABEL[k.kind].padEnd(8)} ${k.name.padEnd(width)}  ${c.dim(candidateFacts(k))}`);
      const m = k.measurement;
      if (m && !m.ok) out.push(`      ${c.red('measurement failed')} (${m.messageId}): ${m.message}`);
      else if (m && k.floor) out.push(`      ${m.tokensPerSecond} tokens/s; cost floor ${c.bold(`${k.floor.perRequest} USDC per request`)} (${k.floor.tokensPerRequest} tokens, ${k.floor.watts} W, ${k.floor.energyPrice} USD/kWh), ${k.floor.perMTok} per 1M tokens`);
    }
  }
  const required = result.items.filter((i) => i.required);
  const readyCount = required.filter((i) => i.status === 'ready').length;
  out.push('', `${result.ready ? c.green(c.bold('READY')) : c.red(c.bold('NOT READY'))}  ${readyCount} of ${required.length} required items ready`);
  return `${out.join('\n')}\n`;
}
