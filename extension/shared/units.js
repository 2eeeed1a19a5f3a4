// The counting units of data/platforms.json (`unit`, src/platform.rs `Unit`) in the interface's words, for the
// counter's tooltip and the options page's rules table.

import { msg } from './i18n.js';

const UNITS = {
  weighted: () => msg('counterUnitWeighted'),
  utf16: () => msg('counterUnitUtf16'),
  graphemes: () => msg('counterUnitGraphemes'),
  'graphemes-url23': () => msg('counterUnitGraphemesUrl23'),
  'code-points-emoji-utf8': () => msg('counterUnitCodePoints'),
};

/** The unit `id` in words, or `fallback` (the core's own name) for an id this table does not know. */
export function unitName(id, fallback) {
  return UNITS[id]?.() ?? fallback;
}
