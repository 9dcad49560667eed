import { parseJsonContainer } from '../parseJsonContainer.js';

export type DecodedQueueMessage =
  | { readonly ok: true; readonly text: string; readonly body: unknown }
  | { readonly ok: false; readonly reason: string };

const BASE64 = /^(?:[A-Za-z\d+/]{4})*(?:[A-Za-z\d+/]{2}==|[A-Za-z\d+/]{3}=)?$/;

/**
 * A stored queue message as the handler receives it. With host.json `messageEncoding: base64`
 * (the default) the text must be base64: the Queues extension 5.x does not invoke the function for
 * anything else (it moves it to the poison queue). The decoded text becomes an object when it is a JSON
 * object or array, as the host sends such strings to the worker as JSON; any other text stays a string.
 */
export function decodeQueueMessage(messageText: string, encoding: 'base64' | 'none'): DecodedQueueMessage {
  let text = messageText;
  if (encoding === 'base64') {
    const compact = messageText.replace(/\s+/g, '');
    if (!BASE64.test(compact))
      return {
        ok: false,
        reason: 'the message is not valid base64 (host.json extensions.queues.messageEncoding is "base64")',
      };
    text = Buffer.from(compact, 'base64').toString('utf8');
  }
  return { ok: true, text, body: parseJsonContainer(text) };
}

/** How the app must enqueue a message so the host can read it (base64 of the UTF-8 text, or as is). */
export function encodeQueueMessage(body: unknown, encoding: 'base64' | 'none'): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return encoding === 'base64' ? Buffer.from(text, 'utf8').toString('base64') : text;
}
