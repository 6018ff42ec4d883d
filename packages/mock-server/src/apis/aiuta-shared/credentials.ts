import { numberOption } from '@signet/client-core';

// What both Aiuta modules share: one subscription's credentials, and the try-on simulation.

/**
 * The Aiuta subscription the mock accepts: API key, JWT secret and issuer, and subscription ID (for
 * `x-user-id`). One subscription: both the Digital Try-On and the Unified API accept it.
 */
export interface AiutaCredentials {
  readonly apiKey: string;
  readonly jwtSecret: string;
  readonly jwtIssuer: string;
  readonly subscriptionId: string;
}

const TEST_CREDENTIALS: AiutaCredentials = {
  apiKey: 'mock-aiuta-api-key',
  jwtSecret: 'mock-aiuta-jwt-secret',
  jwtIssuer: 'mock-aiuta-issuer',
  subscriptionId: '66ec1726e728c1405e5ebca2',
};

/** The key of both Aiuta modules in the mock's `credentials`, and the test credentials they accept by default. */
export const AIUTA_CREDENTIALS = { key: 'aiuta', defaults: TEST_CREDENTIALS } as const;

/** The CLI banner's line for an Aiuta API: the same for both, so it is printed once under them. */
export const aiutaBanner = ({ apiKey, subscriptionId, jwtSecret, jwtIssuer }: AiutaCredentials): readonly string[] => [
  `X-API-Key ${apiKey} | x-user-id ${subscriptionId} | JWT: HS256, secret ${jwtSecret}, iss ${jwtIssuer}`,
];

/** How a simulated try-on operation ends. */
export type TryOnOutcome = 'SUCCESS' | 'FAILED' | 'ABORTED';

/** Timing and outcome of the mock's try-on operations (both Aiuta APIs). */
export interface TryOnSimulation {
  /** How long a new operation stays CREATED. Default 300 ms. */
  readonly queuedMs?: number;
  /** How long it then stays IN_PROGRESS. Default 1200 ms. */
  readonly runningMs?: number;
  /** How it ends; default SUCCESS. */
  readonly outcome?: (request: { uploaded_image_id: string; sku_id?: string | null; sku_ids?: string[] | null }) => TryOnOutcome;
}

/** Where an operation created at `createdAt` is on its simulated timeline. */
export function phaseOf(
  now: number,
  createdAt: number,
  simulation: { readonly queuedMs?: number; readonly runningMs?: number },
): 'CREATED' | 'IN_PROGRESS' | 'DONE' {
  const age = now - createdAt;
  const queued = simulation.queuedMs ?? 300;
  if (age < queued) return 'CREATED';
  return age < queued + (simulation.runningMs ?? 1200) ? 'IN_PROGRESS' : 'DONE';
}

/** A simulation's timings checked (whole milliseconds, at least 0) and the defaults filled in; `name` is its option. */
export function checkedTimings<S extends { readonly queuedMs?: number; readonly runningMs?: number }>(
  name: string,
  simulation: S = {} as S,
): S {
  return {
    ...simulation,
    queuedMs: numberOption(`${name}.queuedMs`, simulation.queuedMs, 300),
    runningMs: numberOption(`${name}.runningMs`, simulation.runningMs, 1200),
  };
}
