import type { WebhookDelivery } from './api.js';
import { isLoopback } from './http.js';
import { type ByteBudget, memoryOf, pushBounded } from './store.js';

const WEBHOOK_TIMEOUT_MS = 5_000;

/** Timers that die with the mock: a closed mock runs no module task. */
export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  /** Runs `task` after `ms` unless closed first; a failing task is contained. Returns a cancel function. */
  later(ms: number, task: () => void | Promise<void>): () => void {
    if (this.closed) return () => undefined;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      try {
        Promise.resolve(task()).catch(() => undefined);
      } catch {
        // A module's task failing must not take the process down.
      }
    }, ms);
    timer.unref?.();
    this.pending.add(timer);
    return () => {
      clearTimeout(timer);
      this.pending.delete(timer);
    };
  }

  close(): void {
    this.closed = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

/** Where and how webhooks go. */
export interface WebhookPolicy {
  /** The mock's own origin: a webhook addressed there is answered by `handleOwn`, in process. */
  readonly origin: () => string;
  readonly handleOwn: (request: Request) => Promise<Response>;
  /** Delivers every other webhook instead of the global fetch (which is read at delivery time, so MSW sees it). */
  readonly webhookFetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Off loopback only when set (or with `webhookFetch`). */
  readonly allowRemote: boolean;
  /** How many deliveries `deliveries` keeps, newest last. */
  readonly remember: number;
  /** The byte budget the remembered deliveries count against, with the stores. */
  readonly budget?: ByteBudget;
}

/** Sends webhooks as the policy allows and records each delivery in `deliveries`. */
export function webhookSender(policy: WebhookPolicy, deliveries: WebhookDelivery[]) {
  return async (api: string, url: string, payload: Readonly<Record<string, unknown>>): Promise<WebhookDelivery> => {
    const record = (status: WebhookDelivery['status']) => {
      const delivery: WebhookDelivery = { api, url, payload, status };
      pushBounded(deliveries, delivery, policy.remember, policy.budget && { budget: policy.budget, bytes: memoryOf(payload) });
      return delivery;
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return record('not-sent');
    }
    const own = target.origin === new URL(policy.origin()).origin;
    if (!/^https?:$/.test(target.protocol)) return record('not-sent');
    if (!own && !policy.webhookFetch && !policy.allowRemote && !isLoopback(target)) return record('not-sent');
    try {
      const request = new Request(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        // A redirect is the receiver's answer, recorded as such: following it would send the
        // payload to a target the delivery policy never checked (off this machine, say).
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      const response = await (own ? policy.handleOwn : (policy.webhookFetch ?? globalThis.fetch))(request);
      await response.body?.cancel().catch(() => undefined);
      return record(response.status);
    } catch {
      return record('unreachable');
    }
  };
}
