// Fixture self-tests (no extension): each composer's own editor model follows real keyboard typing, clipboard
// paste and undo; submit paths and SPA re-mounts behave like the sites; the CSP header is sent in both modes and
// governs WebAssembly compilation in the page. Every test runs 3 times; waits are on conditions, never sleeps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, modelText, submitted } from './harness.mjs';
import { COMPOSERS, openComposer } from './composers.mjs';

const RUNS = [1, 2, 3];
const TYPED = 'Café naïve 東京タワー 👩‍👩‍👧 👍🏽 see https://example.com/a?b=1 #SocialMeida @ana_builds';
const PASTED = ' pasted: ¿qué? 漢字 🎉 #BuildInPublic';
const FB = 'https://www.facebook.com/';
const IG = 'https://www.instagram.com/';
const EMPTY_WASM = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

// Waits (bounded) for the editor model to reach `expected`, then asserts it, so a failure shows a diff.
async function expectModel(page, name, expected) {
  await page
    .waitForFunction(([n, e]) => window.__fixture.modelText(n) === e, [name, expected], { timeout: 5000 })
    .catch(() => {});
  assert.equal(await modelText(page, name), expected);
}

async function lastSubmitted(page, count) {
  await page.waitForFunction((c) => window.__fixture.submitted.length === c, count);
  return (await submitted(page)).at(-1);
}

describe("fixtures under the sites' CSP", () => {
  let h;
  before(async () => {
    h = await launch({ csp: 'site' });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(() => h?.close());

  for (const run of RUNS) {
    for (const name of Object.keys(COMPOSERS)) {
      test(`${name}: keyboard typing, clipboard paste and undo reach the editor's own model (run ${run})`, async () => {
        const { page } = await openComposer(h, name);
        try {
          await page.keyboard.type(TYPED);
          await expectModel(page, name, TYPED);
          await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
          await page.keyboard.press('Control+V');
          await expectModel(page, name, TYPED + PASTED);
          await page.keyboard.press('Control+Z');
          await expectModel(page, name, TYPED);
        } finally {
          await page.close();
        }
      });
    }

    test(`x-home: Post disabled while empty, Ctrl+Enter submits, clears and shows the toast (run ${run})`, async () => {
      const { page } = await openComposer(h, 'x-home');
      try {
        const button = page.locator('[data-testid=toolBar] [data-testid=tweetButtonInline]');
        assert.equal(await button.getAttribute('aria-disabled'), 'true');
        assert.equal(await button.isDisabled(), true);
        await page.keyboard.type('Ship it #Launch');
        await page.waitForFunction(() => !document.querySelector('[data-testid=tweetButtonInline]').disabled);
        await page.keyboard.press('Control+Enter');
        await page.locator('[data-testid=toast]', { hasText: 'Your post was sent.' }).waitFor();
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'x-home', text: 'Ship it #Launch' });
        await expectModel(page, 'x-home', '');
        assert.equal(await button.isDisabled(), true);
        assert.equal(await page.locator('.public-DraftEditorPlaceholder-root').count(), 1);
      } finally {
        await page.close();
      }
    });

    test(`x-home: hashtags, mentions and URLs are wrapped in X's blue span (run ${run})`, async () => {
      const { page } = await openComposer(h, 'x-home');
      try {
        await page.keyboard.type('Go #SocialMedia with @ana_builds at https://x.com/ok');
        const blue = page.locator(
          '[data-testid=tweetTextarea_0] span[style="color: rgb(29, 155, 240);"] [data-text=true]',
        );
        await blue.nth(2).waitFor();
        assert.deepEqual(await blue.allTextContents(), ['#SocialMedia', '@ana_builds', 'https://x.com/ok']);
      } finally {
        await page.close();
      }
    });

    test(`x-home: switching tabs removes and re-adds the composer (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      try {
        await page.keyboard.type('draft before the switch');
        const old = await editor.elementHandle();
        await page.locator('a[role=tab][data-fixture-tab=following]').click();
        await page.waitForFunction(() => window.__fixture.mounts('x-home') === 2);
        assert.equal(await old.evaluate((el) => el.isConnected), false);
        await page.locator('a[role=tab][data-fixture-tab=builders]').click();
        await page.waitForFunction(() => !window.__fixture.editors().includes('x-home'));
        assert.equal(await editor.count(), 0);
        await page.locator('a[role=tab][data-fixture-tab=for-you]').click();
        await page.waitForFunction(() => window.__fixture.mounts('x-home') === 3);
        await expectModel(page, 'x-home', '');
        await editor.click();
        await page.keyboard.type('after #remount');
        await expectModel(page, 'x-home', 'after #remount');
      } finally {
        await page.close();
      }
    });

    test(`x-compose: the Drafts flow re-mounts the editor with the draft's text (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-compose');
      try {
        await page.keyboard.type('unsaved');
        const old = await editor.elementHandle();
        await page.locator('#layers [role=dialog] [data-testid=unsentButton]').click();
        await page.waitForFunction(() => !window.__fixture.editors().includes('x-compose'));
        assert.equal(await old.evaluate((el) => el.isConnected), false);
        const draft = page.locator('[data-testid=draftItem]').first();
        const draftText = await draft.textContent();
        await draft.click();
        await page.waitForFunction(() => window.__fixture.mounts('x-compose') === 2);
        await expectModel(page, 'x-compose', draftText);
        await editor.click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' more');
        await expectModel(page, 'x-compose', `${draftText} more`);
        await page.locator('#layers [data-testid=tweetButton]').click();
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'x-compose', text: `${draftText} more` });
        await page.waitForURL('https://x.com/home');
      } finally {
        await page.close();
      }
    });

    test(`x-reply: modal under #layers in a transformed container, parent post, Reply button (run ${run})`, async () => {
      const { page } = await openComposer(h, 'x-reply');
      try {
        const dialog = page.locator('#layers div[role=dialog][aria-modal=true][aria-labelledby=modal-header]');
        assert.equal(await dialog.locator('article[data-testid=tweet]').count(), 1);
        assert.match(await dialog.textContent(), /Replying to @ana_builds/);
        assert.equal(await dialog.locator('.public-DraftEditorPlaceholder-inner').textContent(), 'Post your reply');
        const transformed = await dialog.evaluate((el) => {
          for (let a = el.parentElement; a; a = a.parentElement)
            if (getComputedStyle(a).transform !== 'none') return true;
          return false;
        });
        assert.equal(transformed, true);
        const reply = dialog.locator('[data-testid=tweetButton]');
        assert.equal((await reply.textContent()).trim(), 'Reply');
        await page.keyboard.type('Congrats @ana_builds!');
        await reply.click();
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'x-reply', text: 'Congrats @ana_builds!' });
        await dialog.waitFor({ state: 'detached' });
        await page.locator('[data-testid=toast]').waitFor();
      } finally {
        await page.close();
      }
    });

    test(`fb-comment: submit button only while focused; Shift+Enter is a newline; bare Enter submits and clears (run ${run})`, async () => {
      const page = await h.open(FB);
      try {
        const submit = page.locator('#focused-state-composer-submit');
        assert.equal(await submit.count(), 0);
        await COMPOSERS['fb-comment'].editor(page).click();
        await submit.waitFor();
        assert.equal(await submit.locator('[role=button][aria-label=Comment]').getAttribute('aria-disabled'), 'true');
        await page.keyboard.type('First line #one');
        await page.keyboard.press('Shift+Enter');
        await page.keyboard.type('second 🙂');
        await expectModel(page, 'fb-comment', 'First line #one\nsecond 🙂');
        await page.keyboard.press('Enter');
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'fb-comment', text: 'First line #one\nsecond 🙂' });
        await expectModel(page, 'fb-comment', '');
        await page.locator('[role=article] li[role=article]', { hasText: 'second 🙂' }).waitFor();
        await page.locator('[role=banner]').click();
        await submit.waitFor({ state: 'detached' });
      } finally {
        await page.close();
      }
    });

    test(`fb-post: Create post dialog is a portal under mount_0_0_, Post is aria-disabled while empty (run ${run})`, async () => {
      const { page } = await openComposer(h, 'fb-post');
      try {
        const dialog = page.locator('div[id^=mount_0_0_] div[role=dialog]');
        const post = dialog.locator('form[method=POST] div[role=button][aria-label=Post]');
        assert.equal(await post.getAttribute('aria-disabled'), 'true');
        await page.keyboard.type('Hello friends');
        await page.keyboard.press('Enter');
        await page.keyboard.type('#NewJob');
        await page.waitForFunction(
          () => !document.querySelector('[role=dialog] [aria-label=Post]').hasAttribute('aria-disabled'),
        );
        assert.equal(
          await dialog.locator('p[dir=auto] span[data-lexical-text=true]', { hasText: '#NewJob' }).count(),
          1,
        );
        const text = await modelText(page, 'fb-post');
        await post.click();
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'fb-post', text });
        await dialog.waitFor({ state: 'detached' });
      } finally {
        await page.close();
      }
    });

    test(`ig-caption: dialog mounted on "New post", Share records the caption (run ${run})`, async () => {
      const { page } = await openComposer(h, 'ig-caption');
      try {
        await page.keyboard.type('Golden hour ✨ #photography');
        await page.locator('[role=dialog] div[role=button]', { hasText: /^Share$/ }).click();
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'ig-caption', text: 'Golden hour ✨ #photography' });
        await page.locator('[role=dialog][aria-label="Post shared"]').waitFor();
      } finally {
        await page.close();
      }
    });

    test(`ig-comment: Post button and Enter submit the React-controlled textarea and clear it (run ${run})`, async () => {
      const { page } = await openComposer(h, 'ig-comment');
      try {
        const post = page.locator('section form div[role=button]', { hasText: /^Post$/ });
        assert.equal(await post.getAttribute('aria-disabled'), 'true');
        await page.keyboard.type('Love this 😍');
        await post.click();
        assert.deepEqual(await lastSubmitted(page, 1), { editor: 'ig-comment', text: 'Love this 😍' });
        await expectModel(page, 'ig-comment', '');
        await COMPOSERS['ig-comment'].editor(page).click();
        await page.keyboard.type('Second one');
        await page.keyboard.press('Enter');
        assert.deepEqual(await lastSubmitted(page, 2), { editor: 'ig-comment', text: 'Second one' });
        assert.equal(await COMPOSERS['ig-comment'].editor(page).inputValue(), '');
      } finally {
        await page.close();
      }
    });
  }
});

// One page per site: the CSP header is sent, and WebAssembly compiles in the page's main world only when allowed.
const CSP_PAGES = [
  ['x.com', 'https://x.com/home'],
  ['www.facebook.com', FB],
  ['www.instagram.com', IG],
];

for (const mode of ['site', 'strict']) {
  describe(`CSP in '${mode}' mode`, () => {
    let h;
    before(async () => {
      h = await launch({ csp: mode });
    });
    after(() => h?.close());

    for (const run of RUNS) {
      for (const [host, url] of CSP_PAGES) {
        test(`${host}: CSP header sent; WebAssembly.compile in the page ${mode === 'site' ? 'succeeds' : 'fails'} (run ${run})`, async () => {
          const page = await h.context.newPage();
          try {
            const response = await page.goto(url);
            const csp = response.headers()['content-security-policy'];
            assert.ok(csp, 'content-security-policy header missing');
            assert.match(csp, /(^|; )script-src [^;]*'self'|(^|; )script-src [^;]*\*\.facebook\.com/);
            if (mode === 'strict') assert.doesNotMatch(csp, /'wasm-unsafe-eval'|'unsafe-eval'/);
            else if (host !== 'www.instagram.com') assert.match(csp, /script-src [^;]*'wasm-unsafe-eval'/);
            await page.waitForFunction(() => window.__fixture?.ready === true);
            const result = await page.evaluate(async (bytes) => {
              try {
                await WebAssembly.compile(new Uint8Array(bytes));
                return 'compiled';
              } catch (e) {
                return `${e.name}: ${e.message}`;
              }
            }, EMPTY_WASM);
            if (mode === 'site') assert.equal(result, 'compiled');
            else assert.match(result, /^CompileError/);
          } finally {
            await page.close();
          }
        });
      }
    }
  });
}
