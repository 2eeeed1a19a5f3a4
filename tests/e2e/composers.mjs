// Every fixture composer by editor name: the page it lives on, the click that mounts it (if any), and a Playwright
// locator for its editable element. Shared by fixtures.test.mjs and tools/demo.mjs.
import { waitForEditor } from './harness.mjs';

export const FOCAL_URL = 'https://x.com/ana_builds/status/1859912345678901234';

export const COMPOSERS = {
  'x-home': {
    url: 'https://x.com/home',
    editor: (p) => p.locator('[data-testid=primaryColumn] [data-testid=tweetTextarea_0][role=textbox]'),
  },
  'x-compose': {
    url: 'https://x.com/compose/post',
    editor: (p) => p.locator('#layers [role=dialog][aria-modal=true] [data-testid=tweetTextarea_0]'),
  },
  'x-status-reply': {
    url: FOCAL_URL,
    editor: (p) => p.locator('[data-testid=primaryColumn] [data-testid=tweetTextarea_0]'),
  },
  'x-reply': {
    url: FOCAL_URL,
    mount: (p) => p.locator('[data-testid=primaryColumn] article[data-testid=tweet] button[data-testid=reply]').click(),
    editor: (p) => p.locator('#layers [role=dialog][aria-labelledby=modal-header] [data-testid=tweetTextarea_0]'),
  },
  'fb-post': {
    url: 'https://www.facebook.com/',
    mount: (p) =>
      p.locator('[aria-label="Create a post"][role=region] [role=button]', { hasText: "What's on your mind" }).click(),
    editor: (p) =>
      p.locator(
        '[id^=mount_0_0_] [role=dialog] form[method=POST] [data-lexical-editor=true][role=textbox][aria-label="What\'s on your mind, Ana?"]',
      ),
  },
  'fb-comment': {
    url: 'https://www.facebook.com/',
    editor: (p) =>
      p.locator('[role=article] form[role=presentation] [data-lexical-editor=true][aria-label="Comment as Ana Silva"]'),
  },
  'fb-messenger': {
    url: 'https://www.facebook.com/',
    editor: (p) => p.locator('[data-lexical-editor=true][role=textbox][aria-label=Message]'),
  },
  'ig-caption': {
    // The create dialog opened straight at its caption step, without media (the fixture's ?create=caption).
    url: 'https://www.instagram.com/?create=caption',
    mount: (p) => p.locator('a[role=link]:has(svg[aria-label="New post"])').click(),
    editor: (p) =>
      p.locator(
        '[role=dialog] [aria-label="Write a caption..."][contenteditable=true][role=textbox][data-lexical-editor=true]',
      ),
  },
  'ig-comment': {
    url: 'https://www.instagram.com/p/C0deAbc123x/',
    editor: (p) =>
      p.locator('section form textarea[aria-label="Add a comment\u2026"][placeholder="Add a comment\u2026"]'),
  },
};

// Opens `name`'s page in the harness, mounts the composer and focuses it. Returns {page, editor}.
export async function openComposer(h, name) {
  const c = COMPOSERS[name];
  const page = await h.open(c.url);
  await c.mount?.(page);
  const editor = c.editor(page);
  await editor.click();
  await waitForEditor(page, name);
  return { page, editor };
}

/** Resolves once X's home composer shows no crop panel (its images removed). */
export function xCropPanelGone(page) {
  return page.waitForFunction(
    () =>
      !document
        .querySelector('[data-testid=primaryColumn] stratege-ui')
        .shadowRoot.querySelector('[data-stratege="crop-preview"]'),
  );
}
