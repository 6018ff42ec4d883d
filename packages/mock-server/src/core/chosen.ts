import { InvalidRequestError } from '@signet/client-core/errors';
import type { AnyMockApi, MockHeaders, MockResponse } from './api.js';
import { json } from './http.js';
import { type DocumentedResponse, type ResponseCatalog, responseFor } from './responses.js';

/**
 * The answer to give the next requests to one operation instead of the mock's own: a status the
 * spec documents for it, with a body, one of the spec's named examples, or (for an error status)
 * the API's own error body where the spec documents that shape. Checked against the spec when set.
 */
export interface ChosenResponse {
  /** The API's name, as in `baseUrls`. */
  readonly api: string;
  /** The spec's operationId. */
  readonly operationId: string;
  /** A status the spec documents for the operation. */
  readonly status: number;
  /** The body; it must match the spec's schema for the status. */
  readonly body?: unknown;
  /** The name of one of the spec's examples for the status, instead of `body`. */
  readonly example?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many requests it answers. Default 1. */
  readonly times?: number;
}

/** What a module's spec says of an API's operations, and how the API words an error. */
export interface ChoiceContext {
  readonly api: AnyMockApi;
  readonly responses: ResponseCatalog;
}

const PREFER_PARAMS = /(?:^|[,;])\s*(code|example)\s*=\s*(?:"([^"]*)"|([^\s,;]*))/gi;

/** `code` and `example` of a `Prefer` header (as Prism reads it: `Prefer: code=404, example=missing`); undefined when it has neither. */
export function preferred(headers: MockHeaders): { status?: number; example?: string } | undefined {
  const header = headers.get('prefer');
  if (header === null) return undefined;
  let status: number | undefined;
  let example: string | undefined;
  for (const [, name, quoted, bare] of header.matchAll(PREFER_PARAMS)) {
    const value = quoted ?? bare ?? '';
    if (name?.toLowerCase() === 'code') status = /^\d{3}$/.test(value) ? Number(value) : Number.NaN;
    else example = value;
  }
  if (status === undefined && example === undefined) return undefined;
  return { ...(status !== undefined && { status }), ...(example !== undefined && { example }) };
}

/**
 * The answer `choice` stands for, or the reason it cannot be given (naming what the spec documents).
 * Without a status, the first documented 2xx; without a body or example, the spec's only example,
 * else no body where the spec documents none, else the API's own error body for a 4xx or 5xx
 * where it matches the spec's schema for that status.
 */
export function chosenAnswer(
  { api, responses }: ChoiceContext,
  operationId: string,
  choice: {
    readonly status?: number;
    readonly body?: unknown;
    readonly example?: string;
    readonly headers?: Readonly<Record<string, string>>;
  },
): MockResponse | { readonly refused: string } {
  const documented = responses.get(operationId) ?? [];
  const statuses = documented.map((r) => r.key).join(', ');
  const status = choice.status ?? Number(documented.find((r) => /^2\d\d$/.test(r.key))?.key ?? Number.NaN);
  if (!Number.isInteger(status) || status < 100 || status > 599) return { refused: `status must be a documented status (${statuses})` };
  const response = responseFor(documented, status);
  if (response === undefined) return { refused: `${operationId} documents no ${status} answer (it documents ${statuses})` };
  const headers = choice.headers ?? {};
  if (choice.body !== undefined) {
    if (!response.hasBody) return { refused: `${operationId} documents no body for ${status}` };
    const problems = response.validate(choice.body);
    if (problems.length > 0) return { refused: `body does not match the spec's ${status} answer of ${operationId}: ${listed(problems)}` };
    return json(status, choice.body, headers);
  }
  const example = exampleOf(response, choice.example);
  if ('refused' in example) return { refused: `${operationId} ${status}: ${example.refused}` };
  if ('value' in example) return json(status, example.value, headers);
  if (!response.hasBody) return { status, headers };
  if (status >= 400) {
    // The API's own error body, where it is what the spec documents for this operation and status
    // (one API may answer FastAPI's `{detail}` on some routes and another shape on others).
    const error = api.error(status, 'chosen response');
    if (response.validate(error.body).length === 0) return { ...error, headers: { ...error.headers, ...headers } };
  }
  return { refused: `the spec has no example of ${operationId}'s ${status} answer: give a body` };
}

function exampleOf(response: DocumentedResponse, name: string | undefined): { value: unknown } | { refused: string } | object {
  const names = [...response.examples.keys()];
  if (name !== undefined) {
    if (!response.examples.has(name))
      return { refused: `no example named ${JSON.stringify(name)} (${names.length > 0 ? names.join(', ') : 'it has none'})` };
    return { value: response.examples.get(name) };
  }
  return names.length === 1 ? { value: response.examples.get(names[0] as string) } : {};
}

const listed = (problems: readonly { loc: readonly (string | number)[]; msg: string; type: string }[]) =>
  problems
    .slice(0, 5)
    .map(({ loc, msg, type }) => `${loc.slice(1).join('.') || '(the body)'} ${type === 'required' ? 'is required' : msg}`)
    .join('; ');

interface Pending {
  readonly choice: ChosenResponse;
  readonly answer: MockResponse;
  left: number;
}

/** The chosen responses waiting, in the order they were set. */
export class ChosenResponses {
  private pending: Pending[] = [];

  constructor(private readonly contexts: ReadonlyMap<string, ChoiceContext>) {}

  get size(): number {
    return this.pending.length;
  }

  /** Checks `choice` against the spec and queues it; an `InvalidRequestError` says what is wrong. */
  set(choice: ChosenResponse): void {
    const context = this.contexts.get(choice.api);
    if (context === undefined)
      throw new InvalidRequestError('api', `no API named ${JSON.stringify(choice.api)} (${[...this.contexts.keys()].join(', ')})`);
    if (!context.responses.has(choice.operationId)) {
      throw new InvalidRequestError('operationId', `${choice.api} has no operation ${JSON.stringify(choice.operationId)}`);
    }
    if (choice.status === undefined) throw new InvalidRequestError('status', 'is required');
    const times = choice.times ?? 1;
    if (!(Number.isInteger(times) || times === Number.POSITIVE_INFINITY) || times < 1) {
      throw new InvalidRequestError('times', 'must be a whole number of at least 1');
    }
    const answer = chosenAnswer(context, choice.operationId, choice);
    if ('refused' in answer) throw new InvalidRequestError(choice.body !== undefined ? 'body' : 'status', answer.refused);
    this.pending.push({ choice, answer, left: times });
  }

  clear(): void {
    this.pending = [];
  }

  /** The next chosen answer for this operation, counted as used once more. */
  take(api: string, operationId: string): MockResponse | undefined {
    const index = this.pending.findIndex(({ choice }) => choice.api === api && choice.operationId === operationId);
    const entry = this.pending[index];
    if (entry === undefined) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.pending.splice(index, 1);
    return entry.answer;
  }
}
