import { describe, expect, it } from 'vitest';

import { decodeQueueMessage, encodeQueueMessage } from '../../../src/local/host/queue/decodeQueueMessage.js';

describe('decodeQueueMessage', () => {
  it('base64-decodes and parses JSON objects and arrays', () => {
    expect(decodeQueueMessage(encodeQueueMessage({ jobId: 'j1', n: 2 }, 'base64'), 'base64')).toEqual({
      ok: true,
      text: '{"jobId":"j1","n":2}',
      body: { jobId: 'j1', n: 2 },
    });
    expect(decodeQueueMessage(Buffer.from('[1,2]').toString('base64'), 'base64')).toMatchObject({
      body: [1, 2],
    });
  });

  it('keeps other text as a string, including JSON scalars and broken JSON', () => {
    expect(decodeQueueMessage(Buffer.from('42').toString('base64'), 'base64')).toMatchObject({ body: '42' });
    expect(decodeQueueMessage(Buffer.from('{oops').toString('base64'), 'base64')).toMatchObject({
      body: '{oops',
    });
    expect(decodeQueueMessage(Buffer.from('서울 여행').toString('base64'), 'base64')).toMatchObject({
      body: '서울 여행',
    });
  });

  it('refuses text that is not base64 when the encoding is base64', () => {
    expect(decodeQueueMessage('{"jobId":"j1"}', 'base64')).toMatchObject({ ok: false });
    expect(decodeQueueMessage('abc', 'base64')).toMatchObject({ ok: false });
  });

  it('reads the text as is with messageEncoding none', () => {
    expect(decodeQueueMessage('{"jobId":"j1"}', 'none')).toEqual({
      ok: true,
      text: '{"jobId":"j1"}',
      body: { jobId: 'j1' },
    });
    expect(encodeQueueMessage({ a: 1 }, 'none')).toBe('{"a":1}');
  });
});
