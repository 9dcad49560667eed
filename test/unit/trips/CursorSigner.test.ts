import { describe, expect, it } from 'vitest';

import { CursorSigner } from '../../../src/shared/trips/CursorSigner.js';

const KEY = 'k'.repeat(40);

describe('CursorSigner', () => {
  it('verifies its own cursors for the same scope, and with the same key on another instance', () => {
    const cursor = new CursorSigner(() => KEY).sign('row-1', 'alice');
    expect(new CursorSigner(() => KEY).verify(cursor, 'alice')).toBe('row-1');
  });

  it('refuses a cursor for another scope, another key, or with any character changed', () => {
    const signer = new CursorSigner(() => KEY);
    const cursor = signer.sign('row-1', 'alice');
    expect(signer.verify(cursor, 'bob')).toBeUndefined();
    expect(new CursorSigner(() => 'x'.repeat(40)).verify(cursor, 'alice')).toBeUndefined();
    for (let i = 0; i < cursor.length; i++) {
      if (cursor[i] === '.') continue;
      const changed = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      expect(signer.verify(changed, 'alice')).toBeUndefined();
    }
  });

  it('refuses crafted shapes: no MAC, an unsigned row key, huge or non-base64 input', () => {
    const signer = new CursorSigner();
    for (const crafted of [
      '',
      'cm93LTE',
      'cm93LTE.',
      '.AAAAAAAAAAAAAAAAAAAAAA',
      `${'A'.repeat(3000)}.${'A'.repeat(22)}`,
      '%FF%FE',
    ])
      expect(signer.verify(crafted, 'alice')).toBeUndefined();
  });

  it('without a configured key signs with a random key of its own process', () => {
    const cursor = new CursorSigner().sign('row-1', 'alice');
    expect(new CursorSigner().verify(cursor, 'alice')).toBeUndefined();
  });

  it('keeps (scope, payload) pairs apart: the scope cannot absorb part of the payload', () => {
    const signer = new CursorSigner(() => KEY);
    const cursor = signer.sign('b:row', 'a');
    expect(signer.verify(cursor, 'a:b')).toBeUndefined();
  });
});
