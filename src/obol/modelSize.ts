/**
 * A model's parameter size and its size class, for pricing by model size. Pure: no I/O.
 * The size comes from Ollama's `details.parameter_size` when there is one, else from the name:
 * tags spell it as `8b`, `1.5b`, `135m`, `8x7b` (mixture of experts: experts × size), in any case,
 * anywhere in the name (`hf.co/…/Qwen2.5-7B-Instruct-GGUF:Q4_K_M`).
 */

export type SizeClassId = 'under-4b' | '4b-14b' | '14b-40b' | 'over-40b';

export interface ParameterSize {
  /** Billions of parameters (nominal: `8x7b` is 56). */
  billions: number;
  /** As it was found: `8b`, `751.63M`, `8x7b`. */
  text: string;
  /** Where it was read: Ollama's details, or the model's name or tag. */
  source: 'ollama' | 'name';
}

export interface SizeClass {
  id: SizeClassId;
  /** `< 4B`, `4–14B`, `14–40B`, `> 40B`. */
  label: string;
}

export const SIZE_CLASSES: readonly SizeClass[] = [
  { id: 'under-4b', label: '< 4B' },
  { id: '4b-14b', label: '4–14B' },
  { id: '14b-40b', label: '14–40B' },
  { id: 'over-40b', label: '> 40B' },
];

const UNIT: Record<string, number> = { k: 1e-6, m: 1e-3, b: 1, t: 1e3 };
/** Ollama's parameter_size: `8.0B`, `751.63M`, `70.6B`. */
const DETAIL = /^\s*(\d+(?:\.\d+)?)\s*([kmbt])\s*$/i;
// A size token stands alone: not part of a version (`llama3.1`), an active-parameter count (`a3b`) or a quantisation.
const EXPERTS = /(?<![a-z0-9.])(\d+)x(\d+(?:\.\d+)?)([mb])(?![a-z0-9])/i;
const SINGLE = /(?<![a-z0-9.])(\d+(?:\.\d+)?)([mb])(?![a-z0-9])/i;

function positive(billions: number): number | null {
  return Number.isFinite(billions) && billions > 0 ? billions : null;
}

/** Ollama's `details.parameter_size` as a size, or null when absent or unreadable. */
export function parseParameterSizeDetail(detail: string | null | undefined): ParameterSize | null {
  const match = typeof detail === 'string' ? DETAIL.exec(detail) : null;
  const billions = match ? positive(Number(match[1]) * UNIT[match[2].toLowerCase()]) : null;
  return billions === null ? null : { billions, text: detail!.trim(), source: 'ollama' };
}

/** The size a model's name or tag spells, or null (`nomic-embed-text`, `llama3.2` without a tag). */
export function parameterSizeFromName(name: string | null | undefined): ParameterSize | null {
  if (typeof name !== 'string' || name.length > 1000) return null;
  const experts = EXPERTS.exec(name);
  if (experts) {
    const billions = positive(Number(experts[1]) * Number(experts[2]) * UNIT[experts[3].toLowerCase()]);
    return billions === null ? null : { billions, text: experts[0], source: 'name' };
  }
  const single = SINGLE.exec(name);
  if (!single) return null;
  const billions = positive(Number(single[1]) * UNIT[single[2].toLowerCase()]);
  return billions === null ? null : { billions, text: single[0], source: 'name' };
}

/** Ollama's details first (they are measured), then the name. */
export function modelParameterSize(name: string | null | undefined, detail?: string | null): ParameterSize | null {
  return parseParameterSizeDetail(detail) ?? parameterSizeFromName(name);
}

/** The class of a size: < 4B, 4–14B and 14–40B (upper bounds included, as obol's table has 14B in 4–14B), > 40B. */
export function sizeClassOf(billions: number): SizeClass {
  const id: SizeClassId = billions < 4 ? 'under-4b' : billions <= 14 ? '4b-14b' : billions <= 40 ? '14b-40b' : 'over-40b';
  return SIZE_CLASSES.find((c) => c.id === id)!;
}
