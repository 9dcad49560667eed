import type { TokenCredential } from '@azure/identity';
import type { SecretClient } from '@azure/keyvault-secrets';

import type { SecretSource } from './SecretSource.js';

/** The slice of `SecretClient` we use, so tests can pass a fake with the SDK's shape. */
export type SecretClientLike = Pick<SecretClient, 'getSecret'>;

export interface KeyVaultSecretSourceOptions {
  /** A ready client; when omitted one is built from `vaultUri` + `credential`. */
  client?: SecretClientLike;
  vaultUri?: string;
  credential?: TokenCredential;
}

/**
 * Secrets from Azure Key Vault with the app's identity (DefaultAzureCredential). A missing secret
 * (404 SecretNotFound) is `undefined`, so the environment can still supply it; any other failure throws.
 */
export class KeyVaultSecretSource implements SecretSource {
  readonly #client: Promise<SecretClientLike>;

  constructor(options: Readonly<KeyVaultSecretSourceOptions>) {
    this.#client = options.client ? Promise.resolve(options.client) : KeyVaultSecretSource.#build(options);
  }

  static async #build(options: Readonly<KeyVaultSecretSourceOptions>): Promise<SecretClientLike> {
    if (!options.vaultUri) throw new Error('KeyVaultSecretSource needs a client or a vaultUri');
    const [{ SecretClient }, { DefaultAzureCredential }] = await Promise.all([
      import('@azure/keyvault-secrets'),
      import('@azure/identity'),
    ]);
    return new SecretClient(options.vaultUri, options.credential ?? new DefaultAzureCredential());
  }

  async getSecret(name: string, signal?: AbortSignal): Promise<string | undefined> {
    const client = await this.#client;
    try {
      const secret = await client.getSecret(name, { abortSignal: signal });
      return secret.value;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async ping(signal?: AbortSignal): Promise<void> {
    // Any answer from the vault (including "not found") proves it is reachable and we are authorised.
    await this.getSecret('tripgen-health-probe', signal);
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string } | undefined;
  return e?.statusCode === 404 || e?.code === 'SecretNotFound';
}
