import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { diagnoseVidauSignature } from '../doctor.js';
import { signVidauSync } from '../node.js';
import { createReplayGuard } from './replay-guard.js';
import { signVidauRequest, vidauAuth } from './request.js';
import { signVidau, verifyVidauSignature } from './sign.js';

const AUTH_KEY = 'vidau-SECRET-auth-key-0001';
const SECRETS = [AUTH_KEY, 'SECRET'];
const timestamp = 1_723_515_690_000;

async function caught(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to fail');
}

/** Everything an error exposes: message, inspect output with hidden fields, JSON, and its cause chain. */
function expectNoSecret(error: unknown) {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    const rendered = [inspect(current, { depth: 10, showHidden: true }), String(current), JSON.stringify(current) ?? ''].join('\n');
    for (const secret of SECRETS) expect(rendered).not.toContain(secret);
    current = (current as { cause?: unknown }).cause;
  }
}

describe('no secret appears in the errors of the charset, window, replay and credential checks', () => {
  it('covers every new failure path', async () => {
    const genuine = { clientId: 'c', authKey: AUTH_KEY, body: '{}', timestamp: String(timestamp), signature: 'AAAA' };
    const guard = createReplayGuard({ toleranceMs: 10 });
    const failures = await Promise.all([
      caught(() => signVidau({ clientId: 'c', authKey: `${AUTH_KEY}\u0000`, body: '{}', timestamp })),
      caught(() => signVidau({ clientId: 'c', authKey: `${AUTH_KEY}\u0100`, body: '{}', timestamp })),
      caught(() => signVidau({ clientId: 'c', authKey: ` ${AUTH_KEY}`, body: '{}', timestamp })),
      caught(() => signVidau({ clientId: AUTH_KEY, authKey: '\t', body: '{}', timestamp })),
      caught(() => signVidau({ clientId: 'c', authKey: AUTH_KEY, body: '{}', timestamp }, { charset: 'utf8' as 'UTF-8' })),
      caught(() => signVidauSync({ clientId: 'c', authKey: `${AUTH_KEY}密`, body: '{}', timestamp })),
      caught(() => verifyVidauSignature(genuine, { toleranceMs: Number.NaN })),
      caught(() => verifyVidauSignature(genuine, { now: () => Number.NaN })),
      caught(() => verifyVidauSignature(genuine, { replayGuard: guard, now: () => timestamp })),
      caught(() => verifyVidauSignature({ ...genuine, body: '{"a":6.8e-29}' }, { now: () => timestamp })),
      caught(() => verifyVidauSignature({ ...genuine, body: '{"a":1e1024,"a":1}' }, { now: () => timestamp })),
      caught(() => guard.admit({ clientId: 'c', timestamp, signature: 's' }, Number.NaN)),
      caught(() =>
        signVidauRequest(new Request('https://api.test', { method: 'POST', body: '{"a":{"\\"ÿ":1}}' }), {
          clientId: 'c',
          authKey: AUTH_KEY,
        }),
      ),
      caught(() => vidauAuth({ clientId: 'c', authKey: AUTH_KEY, charset: 'ascii' as 'US-ASCII' })),
      caught(() => diagnoseVidauSignature({ clientId: 'c', authKey: AUTH_KEY, body: '{}', timestamp, charset: 'x' as 'UTF-8' })),
    ]);
    expect(failures).toHaveLength(15);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(Error);
      expectNoSecret(failure);
    }
  });

  it('and a replay guard holds no key: only client ids, timestamps and signatures', () => {
    const guard = createReplayGuard();
    guard.admit({ clientId: 'c', timestamp, signature: 'sig' });
    expect(inspect(guard, { depth: 10, showHidden: true })).not.toContain(AUTH_KEY);
  });
});
