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
 * The first claim that binds the token to something other than this request, or undefined when it
 * fits. A token carries what the app asked it for (`uploaded_image_id`, `sku_id`, `sku_ids`); a claim
 * that is absent or null binds nothing. SKUs compare as a set, and `sku_id: a` fits `sku_ids: [a]`.
 */
export function unboundClaim(claims: JwtClaims, request: TryOnFields): 'uploaded_image_id' | 'sku_id' | 'sku_ids' | undefined {
  const given = (name: string) => claims[name] !== undefined && claims[name] !== null;
  if (given('uploaded_image_id') && claims.uploaded_image_id !== request.uploaded_image_id) return 'uploaded_image_id';
  const requested = request.sku_ids ?? (typeof request.sku_id === 'string' ? [request.sku_id] : []);
  if (given('sku_id') && !sameSkus([claims.sku_id], requested)) return 'sku_id';
  if (given('sku_ids') && !(Array.isArray(claims.sku_ids) && sameSkus(claims.sku_ids, requested))) return 'sku_ids';
  return undefined;
}
