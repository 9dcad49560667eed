import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** How the fake answers the next chat completion. */
export type FakeReply =
  | { readonly kind: 'content'; readonly content: string; readonly delayMs?: number }
  | { readonly kind: 'status'; readonly status: number; readonly body: unknown };

/**
 * A local OpenAI-compatible server (node:http on 127.0.0.1, random port) that answers
 * `POST …/chat/completions` with whatever the test scripted, and records each request.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  reply: FakeReply = { kind: 'content', content: '{"ranking":[]}' };
  private server?: Server;

  get baseURL(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/openai`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        this.requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: text ? JSON.parse(text) : {},
        });
        const reply = this.reply;
        const send = () => {
          if (res.destroyed) return;
          if (reply.kind === 'status') {
            res
              .writeHead(reply.status, { 'content-type': 'application/json' })
              .end(JSON.stringify(reply.body));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              id: 'chatcmpl-fake',
              object: 'chat.completion',
              created: 1_700_000_000,
              model: 'gpt-4o-fake',
              choices: [
                {
                  index: 0,
                  finish_reason: 'stop',
                  logprobs: null,
                  message: { role: 'assistant', content: reply.content, refusal: null },
                },
              ],
              usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
            }),
          );
        };
        if (reply.kind === 'content' && reply.delayMs) setTimeout(send, reply.delayMs).unref();
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
