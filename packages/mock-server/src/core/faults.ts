import { numberOption } from '@signet/client-core';
import { InvalidRequestError } from '@signet/client-core/errors';

/** A canned answer for the next matching requests, to exercise retries and error handling. */
export interface Fault {
  /** The API's name, as in `baseUrls` and `requestCounts`. */
  readonly api: string;
  /** The spec's operationId; any request to the API when omitted. */
  readonly operationId?: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** How many requests it answers. Default 1. */
  readonly times?: number;
}

/** The faults still to answer, in the order they were injected. */
export class FaultQueue {
  private readonly pending: { readonly fault: Fault; left: number }[] = [];

  constructor(initial: readonly Fault[] = []) {
    for (const fault of initial) this.inject(fault);
  }

  /** How many faults are waiting: the pipeline looks no further when there are none. */
  get size(): number {
    return this.pending.length;
  }

  /** @throws InvalidRequestError for a status that cannot be sent or a `times` that is not a whole number of at least 1. */
  inject(fault: Fault): void {
    if (fault.status === undefined) throw new InvalidRequestError('status', 'must be given');
    numberOption('status', fault.status, 0, { min: 200, max: 599 });
    this.pending.push({ fault, left: numberOption('times', fault.times, 1, { min: 1 }) });
  }

  /** The first fault for this API and operation, counted as used once more. */
  take(api: string, operationId: string | undefined): Fault | undefined {
    const index = this.pending.findIndex(
      ({ fault }) => fault.api === api && (fault.operationId === undefined || fault.operationId === operationId),
    );
    const entry = this.pending[index];
    if (entry === undefined) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.pending.splice(index, 1);
    return entry.fault;
  }
}
