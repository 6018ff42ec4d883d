import { InvalidRequestError } from '@signet/client-core/errors';
import type { IncomingMockRequest, MockRequest, MockResponse } from './api.js';
import { type ChoiceContext, ChosenResponses, chosenAnswer, preferred } from './chosen.js';
import { Exchange } from './exchange.js';
import { breakageOf, broken, checkFault, earlyAnswer, type Fault, FaultQueue } from './faults.js';
import { json } from './http.js';
import { forward, type MockRecording, type RecordedExchange, type Upstream } from './recording.js';
import { credentialSecrets } from './redact.js';
import { Replayer } from './replay.js';
import { ExchangeLog } from './request-log.js';
import { responseCatalog } from './responses.js';
import type { PipelineHooks, Registered, Routed } from './routing.js';

/** The request log keeps the bodies of its requests up to this many bytes in all. */
const LOG_BODY_BYTES = 16 * 1024 * 1024;

/** What the test tools are built from. */
export interface ToolkitSetup {
  readonly registered: readonly Registered[];
  readonly now: () => number;
  /** Most requests logged (0: none), and most exchanges recorded. */
  readonly maxRequests: number;
  readonly maxRecorded: number;
  readonly credentials: Iterable<unknown>;
  readonly faults?: readonly Fault[] | undefined;
  readonly upstream?: Upstream | undefined;
  readonly replay?: MockRecording | undefined;
}

/**
 * What the log keeps of the body: the parsed value when there is one, else the bytes, copied when
 * they are a view into a larger buffer. A body read from a socket can be a slice of the buffer
 * the whole read landed in: kept, it would keep that buffer alive, and a thousand of them made
 * the garbage collector cost a signed request a fifth more CPU time.
 */
function keepBody(exchange: Exchange): void {
  const { raw } = exchange;
  exchange.bodySize = raw.byteLength;
  if (exchange.parsed !== undefined) exchange.raw = NO_BYTES;
  else if (raw.byteOffset !== 0 || raw.buffer.byteLength !== raw.byteLength) exchange.raw = raw.slice();
}

const NO_BYTES = new Uint8Array(0);

/** The test tools of one mock: its request log, faults, chosen responses, and record and replay. */
export class Toolkit implements PipelineHooks {
  readonly log: ExchangeLog;
  private readonly faults = new FaultQueue();
  private readonly chosen: ChosenResponses;
  private readonly contexts = new Map<string, ChoiceContext>();
  private readonly operations = new Map<string, ReadonlySet<string>>();
  private readonly replayer: Replayer | undefined;
  private readonly recorded: RecordedExchange[] = [];

  constructor(private readonly setup: ToolkitSetup) {
    this.log = new ExchangeLog(setup.maxRequests, LOG_BODY_BYTES, credentialSecrets(setup.credentials));
    for (const { api } of setup.registered) {
      const responses = responseCatalog(api.spec, api.stringLength ?? 'code-points');
      this.contexts.set(api.name, { api, responses });
      this.operations.set(api.name, new Set(responses.keys()));
    }
    this.chosen = new ChosenResponses(this.contexts);
    for (const fault of setup.faults ?? []) this.injectFault(fault);
    for (const name of Object.keys(setup.upstream?.baseUrls ?? {})) {
      if (!this.operations.has(name)) throw new InvalidRequestError('record.upstream', `no API named ${JSON.stringify(name)}`);
    }
    this.replayer = setup.replay === undefined ? undefined : new Replayer(setup.replay, new Set(this.operations.keys()));
  }

  injectFault(fault: Fault): void {
    checkFault(fault, this.operations);
    this.faults.inject(fault);
  }

  listFaults(): Fault[] {
    return this.faults.list();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  chooseResponse(choice: Parameters<ChosenResponses['set']>[0]): void {
    this.chosen.set(choice);
  }

  clearChosen(): void {
    this.chosen.clear();
  }

  /** The exchanges recorded so far through the upstream. */
  recording(): MockRecording {
    return { version: 1, exchanges: [...this.recorded] };
  }

  begin(entry: Registered, operationId: string | undefined, request: IncomingMockRequest, path: string): Exchange {
    const api = entry.api.name;
    const exchange = new Exchange(api, operationId, request.method, path, request.href ?? request.url, request.headers, this.setup.now());
    this.log.add(exchange);
    if (this.faults.size === 0) return exchange;
    const hit = this.faults.take(api, operationId);
    if (hit === undefined) return exchange;
    exchange.fault = hit;
    if (hit.fault.status !== undefined || hit.fault.kind !== undefined) exchange.answeredBy = 'fault';
    exchange.early = earlyAnswer(hit);
    return exchange;
  }

  forward(routed: Routed, bytes: Uint8Array): Promise<MockResponse> | undefined {
    const api = routed.entry.api.name;
    const replay = this.replayer?.answers(api) === true;
    const upstream = this.setup.upstream;
    if (!replay && upstream?.baseUrls[api] === undefined) return undefined;
    const { request, exchange } = routed;
    const url = request.url;
    const outgoing = {
      api,
      operationId: routed.operation.operationId,
      method: request.method,
      path: routed.relative,
      search: url.search,
      headers: request.headers,
      body: bytes,
    };
    exchange.answeredBy = replay ? 'recording' : 'upstream';
    if (replay) return (this.replayer as Replayer).answer(outgoing);
    return forward(upstream as Upstream, outgoing, (recorded) => {
      if (this.recorded.length < this.setup.maxRecorded) this.recorded.push(recorded);
    });
  }

  choose(routed: Routed, request: MockRequest, body: unknown): MockResponse | Promise<MockResponse | undefined> | undefined {
    const { operation, exchange } = routed;
    const override = routed.request.override;
    if (override !== undefined && override.operationId === operation.operationId) {
      const answer = override.respond({ request, params: routed.params, body });
      return answer instanceof Promise ? answer.then((chosen) => this.noted(exchange, chosen)) : this.noted(exchange, answer);
    }
    const prefer = preferred(request.headers);
    if (prefer !== undefined) {
      const answer = chosenAnswer(this.contexts.get(exchange.api) as ChoiceContext, operation.operationId, prefer);
      if ('refused' in answer) return json(400, { error: `Prefer: ${answer.refused}` });
      exchange.answeredBy = 'chosen';
      return answer;
    }
    if (this.chosen.size === 0) return undefined;
    return this.noted(exchange, this.chosen.take(exchange.api, operation.operationId));
  }

  private noted(exchange: Exchange, answer: MockResponse | undefined): MockResponse | undefined {
    if (answer !== undefined) exchange.answeredBy = 'chosen';
    return answer;
  }

  end(exchange: Exchange, response: MockResponse, send: (response: MockResponse) => void): void {
    const hit = exchange.fault;
    const answer = hit === undefined ? response : broken(hit, response);
    exchange.status = breakageOf(answer) === 'reset' ? undefined : answer.status;
    keepBody(exchange);
    this.log.settle(exchange);
    if (hit !== undefined && hit.delayMs > 0) setTimeout(() => send(answer), hit.delayMs);
    else send(answer);
  }
}
