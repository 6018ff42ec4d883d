// Everything a user of `@signet/vidau` may catch, exported from its root as one namespace, `errors`.
export { CanonicalJsonError, type CanonicalJsonUnsupportedReason, InvalidCredentialsError, JsonSyntaxError } from '@signet/auth';
export * from '@signet/client-core/errors';
