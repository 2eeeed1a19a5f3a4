// Where an overlay (a card, the review dialog) goes: the first of its candidate spots that is inside the viewport
// and covers none of the rects to keep clear (the site's Post button, the counter row); else the first one kept
// in the viewport that is clear; else the first candidate, kept in the viewport.

/** Space kept between an overlay and the viewport's edges or what it must not cover. */
export const GAP = 8;

/**
 * Places `element` (absolutely positioned in `layer`, by a transform) at the first good spot of `candidates`
 * (`(width, height) → [{left, top}]`, viewport coordinates) that covers none of `avoid` (viewport rects).
 */
export function placeClear(element, layer, candidates, avoid) {
  const origin = layer.getBoundingClientRect();
  const { width, height } = element.getBoundingClientRect();
  const spots = candidates(width, height);
  const inside = (c) => c.left >= 0 && c.top >= 0 && c.left + width <= innerWidth && c.top + height <= innerHeight;
  const clear = (c) => !avoid.some((r) => overlaps(r, { ...c, right: c.left + width, bottom: c.top + height }));
  const clamp = (c) => ({
    left: Math.min(Math.max(c.left, GAP), innerWidth - width - GAP),
    top: Math.min(Math.max(c.top, GAP), innerHeight - height - GAP),
  });
  const spot = spots.find((c) => inside(c) && clear(c)) || spots.map(clamp).find(clear) || clamp(spots[0]);
  element.style.transform = `translate(${spot.left - origin.left}px, ${spot.top - origin.top}px)`;
}

/** Two rects share some area. */
export function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
