/** A random id of 16 base-36 characters (about 80 bits), from `crypto.getRandomValues`. */
export const randomId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b % 36).toString(36)).join('');
