// Bytes as base64 and back, for pixels sent over a runtime port (which carries JSON-like values, not typed arrays).
// Uint8Array's own toBase64/fromBase64 arrived in Chrome 140 and Firefox 133; the manifest admits Chrome from 116,
// so the fallback builds the string in chunks (one call's arguments stay far below the engines' limits).

/** Bytes per `String.fromCharCode` call in the fallback. */
const CHUNK = 0x8000;

export function toBase64(bytes) {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
