// Everything a user of `@signet/aiuta` may catch, exported from its root as one namespace, `errors`.
export { InvalidCredentialsError, TokenProviderError } from '@signet/auth';
export * from '@signet/client-core/errors';
