// Writes the extension's messages (extension/_locales/<lang>/messages.json) into a build as the browser reads them:
// each message without its `description` (a note for translators, never shown) and without indentation. In the
// Chrome zip both files go from 16.8 to about 10.7 KB.
// Usage: node tools/ship-locales.mjs OUT_DIR (`make build`: dist/chrome/_locales).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const source = resolve(import.meta.dirname, '..', 'extension', '_locales');
const out = process.argv[2];
if (!out) throw new Error('usage: node tools/ship-locales.mjs OUT_DIR');
for (const lang of readdirSync(source)) {
  const messages = JSON.parse(readFileSync(join(source, lang, 'messages.json'), 'utf8'));
  const shipped = Object.fromEntries(
    Object.entries(messages).map(([key, { description: _, ...message }]) => [key, message]),
  );
  mkdirSync(join(out, lang), { recursive: true });
  writeFileSync(join(out, lang, 'messages.json'), JSON.stringify(shipped));
}
