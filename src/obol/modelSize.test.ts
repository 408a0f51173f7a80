import { describe, expect, it } from 'vitest';
import { modelParameterSize, parameterSizeFromName, parseParameterSizeDetail, sizeClassOf } from './modelSize.js';

describe('parameterSizeFromName over real tag forms', () => {
  const table: Array<[string, number | null, string | null]> = [
    ['qwen3:8b', 8, '4b-14b'],
    ['qwen3:0.6b', 0.6, 'under-4b'],
    ['llama3.1:70b-instruct-q4_K_M', 70, 'over-40b'],
    ['mixtral:8x7b', 56, 'over-40b'],
    ['mixtral:8x22b-instruct-v0.1-q4_0', 176, 'over-40b'],
    ['phi3:3.8b', 3.8, 'under-4b'],
    ['gemma2:2b', 2, 'under-4b'],
    ['deepseek-r1:1.5b', 1.5, 'under-4b'],
    ['qwen2.5:14b', 14, '4b-14b'],
    ['gemma3:27b', 27, '14b-40b'],
    ['qwen3:30b-a3b', 30, '14b-40b'],
    ['gpt-oss:20b', 20, '14b-40b'],
    ['smollm:135m', 0.135, 'under-4b'],
    ['mistral:7b-instruct-v0.3-q4_0', 7, '4b-14b'],
    ['hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M', 7, '4b-14b'],
    ['meta-llama/Llama-3.1-8B-Instruct', 8, '4b-14b'],
    ['Qwen/Qwen2.5-72B-Instruct-AWQ', 72, 'over-40b'],
    ['llama-2-13b-chat', 13, '4b-14b'],
    ['nomic-embed-text', null, null],
    ['llama3.2', null, null],
    ['llama3.2:latest', null, null],
    ['qwen2.5-coder', null, null],
    ['', null, null],
  ];
  for (const [name, billions, sizeClass] of table) {
    it(`${JSON.stringify(name)} is ${billions === null ? 'unknown' : `${billions}B`}`, () => {
      const size = parameterSizeFromName(name);
      if (billions === null) expect(size).toBeNull();
      else {
        expect(size?.billions).toBeCloseTo(billions, 9);
        expect(size?.source).toBe('name');
        expect(sizeClassOf(size!.billions).id).toBe(sizeClass);
      }
    });
  }

  it('does not read a version, an active-parameter count or a quantisation as a size', () => {
    expect(parameterSizeFromName('llama3.1')).toBeNull();
    expect(parameterSizeFromName('qwen3:a3b')).toBeNull();
    expect(parameterSizeFromName('model:q4_K_M')).toBeNull();
  });

  it('ignores names too long to be a model name, and a zero size', () => {
    expect(parameterSizeFromName(`${'x'.repeat(2000)}:8b`)).toBeNull();
    expect(parameterSizeFromName('model:0b')).toBeNull();
  });
});

describe("Ollama's details.parameter_size", () => {
  it('reads M and B, and prefers the details over the tag', () => {
    expect(parseParameterSizeDetail('751.63M')).toMatchObject({ billions: 0.75163, source: 'ollama' });
    expect(parseParameterSizeDetail('8.0B')?.billions).toBe(8);
    expect(modelParameterSize('qwen3:8b', '8.2B')).toMatchObject({ billions: 8.2, source: 'ollama' });
    expect(modelParameterSize('qwen3:8b', null)).toMatchObject({ billions: 8, source: 'name' });
  });

  it('falls back to the name when the detail is garbage', () => {
    for (const bad of ['', 'lots', 'NaNB', '-3B', '0B', '1e9B']) expect(parseParameterSizeDetail(bad), bad).toBeNull();
    expect(modelParameterSize('gemma2:2b', 'lots')?.billions).toBe(2);
  });
});

describe('sizeClassOf at the class edges (obol puts 14B in 4–14B)', () => {
  it.each([
    [3.99, 'under-4b'],
    [4, '4b-14b'],
    [14, '4b-14b'],
    [14.01, '14b-40b'],
    [40, '14b-40b'],
    [40.01, 'over-40b'],
  ])('%sB is %s', (billions, id) => expect(sizeClassOf(billions).id).toBe(id));
});
