import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  isJSONRPCErrorResponse,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type MessageExtraInfo,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

/**
 * An SDK `Transport` that stays connected to one pooled `Server` and carries one HTTP request's
 * messages at a time, answering with the JSON responses the SDK's Streamable HTTP transport returns
 * with `enableJsonResponse`. The SDK's stateless transport refuses a second request ("Create a new
 * transport per request"), and connecting and closing one per request (the close aborts a signal
 * with a fresh DOMException) was most of the cost of a cached `tools/call`.
 *
 * As in the SDK's JSON mode, only responses travel back: notifications and server-to-client
 * requests have no stream to go on and are dropped.
 */
export class JsonResponseTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;

  #pending?: { waiting: Set<RequestId>; answers: Map<RequestId, JSONRPCMessage>; done: () => void };
  #closed = false;

  async start(): Promise<void> {}

  /**
   * Hand `messages` to the server and resolve with its responses to the requests among them, in
   * the order of the requests. Resolves at once when there is no request (202 in HTTP terms).
   */
  async exchange(messages: readonly JSONRPCMessage[], extra?: MessageExtraInfo): Promise<JSONRPCMessage[]> {
    if (this.#closed) throw new Error('The transport is closed');
    if (this.#pending) throw new Error('The transport is carrying another request');
    const ids = messages.filter(isJSONRPCRequest).map((m) => m.id);
    const answers = new Map<RequestId, JSONRPCMessage>();
    const answered = new Promise<void>((resolve) => {
      this.#pending = { waiting: new Set(ids), answers, done: resolve };
    });
    try {
      for (const message of messages) this.onmessage?.(message, extra);
      if (ids.length > 0) await answered;
      return ids.map((id) => answers.get(id)!);
    } finally {
      this.#pending = undefined;
    }
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (!isJSONRPCResultResponse(message) && !isJSONRPCErrorResponse(message)) return;
    const pending = this.#pending;
    if (message.id === undefined || !pending?.waiting.delete(message.id)) {
      throw new Error(`No request in flight with ID ${String(message.id)}`);
    }
    pending.answers.set(message.id, message);
    if (pending.waiting.size === 0) pending.done();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
  }
}
