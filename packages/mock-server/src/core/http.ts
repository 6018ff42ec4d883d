import type { MockResponse } from './api.js';

export const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): MockResponse => ({
  status,
  body,
  headers,
});

/**
 * Whether `If-None-Match` matches the current `etag` (RFC 9110 §13.1.2): `*` matches any current
 * representation; otherwise any listed entity tag matches by weak comparison (`W/` ignored on both).
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  const current = opaque(etag);
  for (const [, tag] of header.matchAll(/(?:^|,)\s*((?:W\/)?"[^"]*")\s*(?=,|$)/g)) {
    if (tag !== undefined && opaque(tag) === current) return true;
  }
  return false;
}

/** Decodes a percent-encoded path segment; undefined when an escape is malformed (`%E0`, `%zz`). */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Only loopback: the mock never sends traffic anywhere else unless told to. */
export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/** The media type of a Content-Type header, lowercased and without parameters; '' when absent. */
export function mediaType(contentType: string | null): string {
  if (contentType === null) return '';
  const end = contentType.indexOf(';');
  return (end < 0 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}
