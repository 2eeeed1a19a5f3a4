// Content script entry: on x.com, facebook.com and instagram.com, connects to the Rust core and checks every
// composer the page shows (counter, hashtags, tone, the images attached: crop previews) and reviews what the user
// posts with open problems (gate), following the user's settings.

import { siteFor, isReply, anchorFor } from './sites.js';
import { connectCore } from './core.js';
import { ComposerWatcher } from './watch.js';
import { ComposerSession } from './composer.js';
import { SubmitGate } from './gate.js';
import { AttachmentTracker } from './media/attachments.js';
import { MediaCheck } from './media/check.js';
import { loadSettings, addToDictionary, onSettingsChanged } from '../shared/settings.js';
import { uiLanguage } from '../shared/i18n.js';
import { clearLeftovers, watchExtension } from './lifecycle.js';
import { OffNote, offWords } from './ui/off-note.js';
import { FailedComposer } from './failed-composer.js';
import { UnrecognisedBoxes } from './unrecognised.js';
import { FAULTS_KEY } from './gate.js';

async function start() {
  const site = siteFor(location.hostname);
  if (!site) return;
  clearLeftovers();
  // Read now: once the extension is updated or removed, its messages may be gone with it.
  const updatedWords = offWords('updated');
  let settings = await loadSettings();
  const core = await connectCore();

  const optionsFor = (reply) => ({
    platform: site.platform,
    reply,
    premium: settings.premium,
    // The web composers show a reply's recipients outside the text: any @mention in it was typed and counts.
    auto_mentions: false,
    tone: reply || settings.tonePosts ? settings.tone[site.id] : 'off',
    hashtag_limit: site.platform === 'instagram' ? settings.instagramHashtagLimit : undefined,
    lang: settings.language === 'auto' ? undefined : settings.language,
    // The tone tips in the interface's language, as the cards around them.
    ui_lang: uiLanguage(),
  });
  const actions = { addWord: addToDictionary, checks: () => settings.checks };
  // A test harness may ask a session to throw as it starts (`testFaults.sessionThrows`, see gate.js FAULTS_KEY).
  const faults = (await chrome.storage.local.get(FAULTS_KEY))[FAULTS_KEY] || {};
  const failedWords = offWords('failed');
  let warned = false;
  let watcher = null;
  let gate = null;
  let attachments = null;
  let unrecognised = null;
  const run = () => {
    watcher = new ComposerWatcher(site, (editor, rule) => {
      try {
        if (faults.sessionThrows) throw new Error('Stratège test fault: a session throws as it starts');
        const reply = isReply(rule, editor, location);
        const session = new ComposerSession(editor, anchorFor(rule, editor), core, optionsFor(reply), actions, rule);
        // Crop previews and media checks (issue 9) for the composers that post images.
        if (site.media?.composers.includes(rule.name)) {
          session.media = new MediaCheck(session.host, core, site.platform, site.media);
          if (attachments) session.media.update(attachments.attachedTo(editor));
        }
        return session;
      } catch (error) {
        // Once per page: a composer re-mounted in a loop must not flood the console.
        if (!warned) console.warn('Stratège is off on a composer after an error:', error);
        warned = true;
        let anchor = editor;
        try {
          anchor = anchorFor(rule, editor);
        } catch {
          // The adapter's anchor is not there either: the note goes after the editor.
        }
        return new FailedComposer(editor, anchor, rule, failedWords);
      }
    });
    if (site.media) {
      const editorNear = (element) => watcher.sessionNear(element)?.editor ?? null;
      attachments = new AttachmentTracker(site.media, editorNear, () =>
        watcher?.forEach((session, editor) => {
          session.media?.update(attachments.attachedTo(editor));
        }),
      );
      attachments.start();
    }
    watcher.start();
    gate = new SubmitGate(watcher, site, () => settings);
    gate.start();
    if (site.unrecognised) {
      unrecognised = new UnrecognisedBoxes(
        site.unrecognised,
        (box) => watcher?.sessionAt(box) != null,
        offWords('unrecognised'),
      );
      unrecognised.start();
    }
  };
  const stop = () => {
    unrecognised?.stop();
    unrecognised = null;
    gate?.stop();
    gate = null;
    attachments?.stop();
    attachments = null;
    watcher?.stop();
    watcher = null;
  };
  if (settings.sites[site.id]) run();

  // The extension updated, reloaded or removed under the open page: retire, with a note on each composer.
  watchExtension(() => {
    const anchors = [];
    watcher?.forEach((session) => {
      anchors.push(session.host.anchor);
    });
    stop();
    for (const anchor of anchors) new OffNote(anchor, updatedWords, 'updated');
  });

  onSettingsChanged((next) => {
    settings = next;
    const enabled = settings.sites[site.id];
    if (!enabled && watcher) {
      stop();
    } else if (enabled && !watcher) {
      run();
    } else if (watcher) {
      watcher.forEach((session) => {
        session.setOptions(optionsFor(session.options.reply));
      });
    }
  });
}

start().catch((error) => console.warn('Stratège could not start:', error));
