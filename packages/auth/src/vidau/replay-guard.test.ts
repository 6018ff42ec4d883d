import { createHmac } from 'node:crypto';
import { InvalidRequestError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { otherSpellings } from '../crypto/base64-spellings.test-support.js';
import { InvalidWindowError, ReplayedRequestError } from '../errors.js';
import * as nodeEntry from '../index.node.js';
import { verifyVidauSignatureSync } from '../node.js';
import { createReplayGuard } from './replay-guard.js';
import { verifyVidauSignature } from './sign.js';

const credentials = { clientId: 'client-1', authKey: 'secret-auth-key' };
const body = '{"task_id":"t-1"}';
const t0 = 1_723_515_690_000;
const sign = (timestamp: number, text = body) =>
  createHmac('sha256', credentials.authKey).update(`client-1${text}${timestamp}`).digest('base64');
const request = (timestamp: number, text = body) => ({
  ...credentials,
  body: text,
  timestamp: String(timestamp),
  signature: sign(timestamp, text),
});

describe.each([
  ['Web Crypto', verifyVidauSignature],
  ['node:crypto', nodeEntry.verifyVidauSignature],
  ['node:crypto, synchronous', async (...args: Parameters<typeof verifyVidauSignatureSync>) => verifyVidauSignatureSync(...args)],
] as const)('verifyVidauSignature (%s) with a replay guard', (_path, verifyVidauSignature) => {
  it('accepts a genuine request once, and refuses the identical request after', async () => {
    const replayGuard = createReplayGuard();
    const options = { replayGuard, now: () => t0 + 10 };
    await expect(verifyVidauSignature(request(t0), options)).resolves.toBeUndefined();
    await expect(verifyVidauSignature(request(t0), options)).rejects.toMatchObject({ code: 'ERR_REPLAYED_REQUEST', reason: 'seen' });
    // A new signature (fresh timestamp, or another body) is another request.
    await expect(verifyVidauSignature(request(t0 + 1), options)).resolves.toBeUndefined();
    await expect(verifyVidauSignature(request(t0, '{"task_id":"t-2"}'), options)).resolves.toBeUndefined();
    expect(replayGuard.size).toBe(3);
  });

  it('accepts one Base64 spelling of a signature once, and none of the other three', async () => {
    const replayGuard = createReplayGuard();
    const options = { replayGuard, now: () => t0 };
    const genuine = request(t0);
    await expect(verifyVidauSignature(genuine, options)).resolves.toBeUndefined();
    for (const signature of otherSpellings(genuine.signature)) {
      await expect(verifyVidauSignature({ ...genuine, signature }, options)).rejects.toMatchObject({ code: 'ERR_SIGNATURE_MISMATCH' });
    }
    expect(replayGuard.size).toBe(1);
  });

  it('lets exactly one of two identical requests verified at the same time through', async () => {
    const replayGuard = createReplayGuard();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => verifyVidauSignature(request(t0), { replayGuard, now: () => t0 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect(r.reason).toBeInstanceOf(ReplayedRequestError);
  });

  it('records nothing for a forged request, so it cannot lock the genuine one out', async () => {
    const replayGuard = createReplayGuard();
    const forged = { ...request(t0), signature: sign(t0).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await expect(verifyVidauSignature(forged, { replayGuard, now: () => t0 })).rejects.toMatchObject({ code: 'ERR_SIGNATURE_MISMATCH' });
    expect(replayGuard.size).toBe(0);
  });

  it('refuses a guard that forgets sooner than the verifier window closes', async () => {
    const replayGuard = createReplayGuard({ toleranceMs: 1000 });
    await expect(verifyVidauSignature(request(t0), { replayGuard, toleranceMs: 2000, now: () => t0 })).rejects.toMatchObject({
      code: 'ERR_INVALID_WINDOW',
      option: 'replayGuard',
    });
    await expect(verifyVidauSignature(request(t0), { replayGuard, toleranceMs: 1000, now: () => t0 })).resolves.toBeUndefined();
  });
});

describe('createReplayGuard', () => {
  const id = (timestamp: number, signature = `sig-${timestamp}`) => ({ clientId: 'c', timestamp, signature });

  it('forgets a request once its window has closed, on its injectable clock', () => {
    let clock = t0;
    const guard = createReplayGuard({ toleranceMs: 1000, now: () => clock });
    guard.admit(id(t0));
    guard.admit(id(t0 + 500));
    clock = t0 + 1001; // the first has left its window; the second has not
    guard.admit(id(t0 + 1001));
    expect(guard.size).toBe(2);
    expect(() => guard.admit(id(t0 + 500))).toThrowError(ReplayedRequestError);
  });

  it('keys on the decoded tag: another spelling of the same tag is the same request', () => {
    const guard = createReplayGuard();
    const signature = sign(t0);
    guard.admit({ clientId: 'c', timestamp: t0, signature }, t0);
    for (const other of otherSpellings(signature)) {
      expect(() => guard.admit({ clientId: 'c', timestamp: t0, signature: other }, t0)).toThrowError(
        expect.objectContaining({ reason: 'seen' }),
      );
    }
    expect(guard.size).toBe(1);
  });

  it('stays within maxEntries, and then refuses what it can no longer vouch for instead of letting it through', () => {
    const guard = createReplayGuard({ maxEntries: 3, toleranceMs: 60_000 });
    for (const t of [t0, t0 + 1, t0 + 2, t0 + 3]) guard.admit(id(t), t0 + 3);
    expect(guard.size).toBe(3);
    // The forgotten first request, replayed: not provably new, so refused.
    expect(() => guard.admit(id(t0), t0 + 3)).toThrowError(expect.objectContaining({ reason: 'unprovable' }));
    // Anything signed no later than it, too; newer requests still pass.
    expect(() => guard.admit(id(t0, 'other'), t0 + 3)).toThrowError(ReplayedRequestError);
    expect(() => guard.admit(id(t0 + 4), t0 + 4)).not.toThrow();
    expect(() => guard.admit(id(t0 + 2), t0 + 4)).toThrowError(expect.objectContaining({ reason: 'seen' }));
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses maxEntries %s', (maxEntries) => {
    expect(() => createReplayGuard({ maxEntries })).toThrowError(InvalidRequestError);
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('refuses toleranceMs %s', (toleranceMs) => {
    expect(() => createReplayGuard({ toleranceMs })).toThrowError(InvalidWindowError);
  });

  it('refuses to record on a clock that returns no finite time', () => {
    const guard = createReplayGuard({ now: () => Number.NaN });
    expect(() => guard.admit(id(t0))).toThrowError(expect.objectContaining({ code: 'ERR_INVALID_WINDOW', option: 'now' }));
    expect(guard.size).toBe(0);
  });
});
