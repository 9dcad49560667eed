import type { IncomingMessage } from 'node:http';

const EMPTY = Buffer.alloc(0);

/** The request body is larger than the host accepts; answered with 413 before any function runs. */
export class RequestBodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body exceeds the limit of ${limitBytes} bytes.`);
    this.name = 'RequestBodyTooLargeError';
  }
}

/**
 * Buffer the request body up to `limitBytes`. A declared `Content-Length` over the limit fails before
 * reading (thrown at once); a chunked body fails as soon as it crosses the limit. The rest of an
 * oversized body is read and discarded rather than the socket destroyed, so the client still
 * receives the 413. A request without a body is answered at once, not as a promise: nearly every GET
 * then costs its caller no await.
 */
export function readRequestBody(req: IncomingMessage, limitBytes: number): Buffer | Promise<Buffer> {
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3): nearly every
  // GET. Nothing to wait for; the rest of the message is drained so the connection moves on.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return EMPTY;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    throw new RequestBodyTooLargeError(limitBytes);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      req.resume();
      reject(new RequestBodyTooLargeError(limitBytes));
    };
    const onEnd = () => {
      cleanup();
      // A small body arrives as one chunk: used as it is, not copied.
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
