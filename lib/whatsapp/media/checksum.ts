// Meta's webhook `sha256` for media is base64 in live payloads ("…jM4k=") while some of its
// reference examples show hex; both are read. Returns null when the value is neither, so an
// odd value is not mistaken for tampering.
function decodeDigest(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const bytes = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

// Compares our SHA-256 digest of the bytes with the provider's: true/false when the
// provider's value could be read, null when it could not.
export function digestMatches(digest: Buffer, providerDigest: string): boolean | null {
  const expected = decodeDigest(providerDigest);
  return expected ? expected.equals(digest) : null;
}
