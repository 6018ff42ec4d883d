// Everything a user of `@signet/aiuta-studio` may catch, exported from its root as one namespace, `errors`.
export { InvalidCredentialsError } from '@signet/auth';
export * from '@signet/client-core/errors';
