import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { ResponseWriteBatch } from '../../../src/local/host/http/ResponseWriteBatch.js';

/** A stand-in `ServerResponse` recording what was written, whose `writeHead` can be made to throw. */
function recordingResponse(failWith?: Error) {
  const written: { status?: number; headers?: Record<string, unknown>; body?: Uint8Array }[] = [];
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      if (failWith) throw failWith;
      written.push({ status, headers });
    },
    end(body?: Uint8Array) {
      written[written.length - 1]!.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, written };
}

describe('ResponseWriteBatch', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('writes answers after the turn that produced them, each to its own connection', async () => {
    const batch = new ResponseWriteBatch();
    const sentAtOnce: boolean[] = [];
    const sentWhenSettled: boolean[] = [];
    const server = createServer((req, res) => {
      req.resume();
      const written = batch.write(res, {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from(`answer for ${req.url}`),
      });
      sentAtOnce.push(res.headersSent);
      void written.then(() => sentWhenSettled.push(res.headersSent));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const paths = ['/a', '/b', '/c', '/d', '/e'];
    const answers = await Promise.all(
      paths.map(async (p) => {
        const res = await fetch(base + p);
        return { status: res.status, length: res.headers.get('content-length'), body: await res.text() };
      }),
    );

    expect(answers).toEqual(
      paths.map((p) => ({
        status: 200,
        length: String(`answer for ${p}`.length),
        body: `answer for ${p}`,
      })),
    );
    expect(sentAtOnce).toEqual(paths.map(() => false));
    expect(sentWhenSettled).toEqual(paths.map(() => true));
  });

  it('rejects only the write that threw; the rest of the batch still goes out', async () => {
    const batch = new ResponseWriteBatch();
    const bad = recordingResponse(new TypeError('Invalid character in header content'));
    const good = recordingResponse();
    const failed = batch.write(bad.res, { status: 200, headers: { 'x-bad': 'a\nb' } });
    const written = batch.write(good.res, { status: 201, headers: {}, body: Buffer.from('ok') });
    expect(good.written).toEqual([]);

    await expect(failed).rejects.toThrow('Invalid character in header content');
    await expect(written).resolves.toBeUndefined();
    expect(good.written).toEqual([
      { status: 201, headers: { 'content-length': '2' }, body: Buffer.from('ok') },
    ]);
  });

  it('starts a new batch for answers that come after one was written', async () => {
    const batch = new ResponseWriteBatch();
    const first = recordingResponse();
    const second = recordingResponse();
    await batch.write(first.res, { status: 204, headers: {} });
    const later = batch.write(second.res, { status: 200, headers: {}, body: Buffer.from('x') });
    expect(second.written).toEqual([]);
    await later;
    expect(first.written).toEqual([{ status: 204, headers: {}, body: undefined }]);
    expect(second.written).toEqual([
      { status: 200, headers: { 'content-length': '1' }, body: Buffer.from('x') },
    ]);
  });
});
