import { describe, expect, it } from 'vitest';

import { parsedOnce } from '../../../src/shared/http/parsedOnce.js';

describe('parsedOnce', () => {
  it('parses an input once per owner and hands out the same deeply frozen value', () => {
    const owner = {};
    let parses = 0;
    const parse = () => (parses++, { at: { lat: 1 }, tags: ['a'] });
    const first = parsedOnce(owner, 'k', parse);
    expect(parsedOnce(owner, 'k', parse)).toBe(first);
    expect(parses).toBe(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first!.at) && Object.isFrozen(first!.tags)).toBe(true);
    expect(parsedOnce({}, 'k', parse)).not.toBe(first); // another owner parses for itself
    expect(parses).toBe(2);
  });

  it('does not remember an invalid input (undefined), nor one whose text is too long to key', () => {
    const owner = {};
    let parses = 0;
    for (let i = 0; i < 2; i++) parsedOnce(owner, 'bad', () => void parses++);
    expect(parses).toBe(2);
    const long = 'x'.repeat(5_000);
    const a = parsedOnce(owner, long, () => ({ n: 1 }));
    const b = parsedOnce(owner, long, () => ({ n: 1 }));
    expect(b).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
