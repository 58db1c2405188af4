/**
 * A stored value could not be decrypted: unknown format version, truncated, tampered with, encrypted under another
 * `DATA_KEY`, or moved to another row (the context differs). The message never contains the value.
 */
export class DataCipherError extends Error {
  override readonly name = 'DataCipherError';
}
