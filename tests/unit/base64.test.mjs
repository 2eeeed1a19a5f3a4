// The pixels' base64 round trip, with the engine's own codec and with the fallback of older Chrome versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64, toBase64 } from '../../extension/shared/base64.js';

const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 2_654_435_761) >>> 24);

test('bytes go through base64 and back unchanged, with and without Uint8Array.toBase64', () => {
  assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
  const own = { to: Uint8Array.prototype.toBase64, from: Uint8Array.fromBase64 };
  try {
    delete Uint8Array.prototype.toBase64;
    delete Uint8Array.fromBase64;
    const text = toBase64(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(fromBase64(text), bytes);
    assert.deepEqual(fromBase64(toBase64(new Uint8Array())), new Uint8Array());
  } finally {
    if (own.to) Uint8Array.prototype.toBase64 = own.to;
    if (own.from) Uint8Array.fromBase64 = own.from;
  }
});
