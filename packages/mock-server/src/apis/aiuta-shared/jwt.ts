// What both Aiuta modules share about the bearer JWT: reading it, and the binding of its claims to the try-on request.
import type { MockHeaders } from '../../core/api.js';

/** The claims of a verified token. */
export type JwtClaims = Readonly<Record<string, unknown>>;

/** The try-on request fields a token can be bound to, as the customer's token endpoint copies them into claims. */
export interface TryOnFields {
  readonly uploaded_image_id: string;
  readonly sku_id?: string | null;
  readonly sku_ids?: readonly string[] | null;
}

/** The token of `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1). */
export function bearerToken(headers: MockHeaders): string | undefined {
  return /^bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get('authorization') ?? '')?.[1];
}

const sameSkus = (bound: readonly unknown[], requested: readonly string[]) => {
  if (bound.length !== requested.length || !bound.every((id) => typeof id === 'string')) return false;
  const sorted = [...(bound as string[])].sort();
  return [...requested].sort().every((id, i) => id === sorted[i]);
};

/**
 * A `sku_ids` claim as a list: an array (Android's try-on body, copied into the token), or the one
 * comma-joined string iOS hands the app (`"a,b"`), which the vendor's reference endpoint signs as is.
 */
const claimedSkus = (claim: unknown): readonly unknown[] | undefined =>
  typeof claim === 'string' ? claim.split(',') : Array.isArray(claim) ? claim : undefined;

/**
 * The first claim that binds the token to something other than this request, or undefined when it
 * fits. A token carries what the app asked it for (`uploaded_image_id`, `sku_id`, `sku_ids`); a claim
 * that is absent or null binds nothing. SKUs compare as a set, and `sku_id: a` fits `sku_ids: [a]`.
 *
 * A mismatch is answered 401, not 403: a 401 is what every official SDK takes as the signal to ask
 * the app for a new token and retry (Android keeps its token and reuses it for the next try-on with
 * another photo), so a token bound to the previous request costs one round trip, not the try-on.
 */
export function unboundClaim(claims: JwtClaims, request: TryOnFields): 'uploaded_image_id' | 'sku_id' | 'sku_ids' | undefined {
  const given = (name: string) => claims[name] !== undefined && claims[name] !== null;
  if (given('uploaded_image_id') && claims.uploaded_image_id !== request.uploaded_image_id) return 'uploaded_image_id';
  const requested = request.sku_ids ?? (typeof request.sku_id === 'string' ? [request.sku_id] : []);
  if (given('sku_id') && !sameSkus([claims.sku_id], requested)) return 'sku_id';
  const skus = claimedSkus(claims.sku_ids);
  if (given('sku_ids') && !(skus !== undefined && sameSkus(skus, requested))) return 'sku_ids';
  return undefined;
}

/** The refusal of a token bound to another request, in the FastAPI shape both Aiuta APIs answer. */
export const unboundDetail = (claim: string) => ({ detail: `The token is bound to another ${claim}; ask for a new one` });
