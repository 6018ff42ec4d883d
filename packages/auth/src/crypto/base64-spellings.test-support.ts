const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The other Base64 spellings of the same bytes: the last digit before the padding with its unused
 * low bits (2 of them before one `=`, 4 before `==`) set otherwise. Lenient decoders read them all
 * as the canonical one.
 */
export function otherSpellings(canonical: string): string[] {
  const padding = canonical.length - canonical.replace(/=+$/, '').length;
  const at = canonical.length - padding - 1;
  const value = DIGITS.indexOf(canonical[at] ?? '');
  const unused = padding === 1 ? 3 : 15;
  return Array.from({ length: unused }, (_, i) => `${canonical.slice(0, at)}${DIGITS[value + i + 1]}${canonical.slice(at + 1)}`);
}
