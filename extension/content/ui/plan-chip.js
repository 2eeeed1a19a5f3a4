// The planned draft a reminder offers in the composer (after its notification was clicked): a "Paste your planned
// draft" chip in the counter row of the platform's composers; activating it puts the draft in the editor through
// the editor's own input path (apply.js, via the composer) and withdraws the offer.

import { msg } from '../../shared/i18n.js';
import { OFFERED_KEY } from '../../shared/schedule-store.js';

export class PlanChip {
  /**
   * @param {import('./host.js').Host} host
   * @param {string} platform the composer's platform
   * @param {(draft: string) => Promise<boolean>} insert puts the draft in the editor
   */
  constructor(host, platform, insert) {
    this.platform = platform;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.stratege = 'plan-draft';
    button.className = 'schedule-chip';
    button.hidden = true;
    button.textContent = msg('scheduleOfferedDraft');
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', async () => {
      const offered = this.offered;
      if (!offered || !(await insert(offered.draft))) return;
      await chrome.storage.local.remove(OFFERED_KEY);
    });
    host.bar.append(button);
    this.element = button;
    this.onChanged = (changes, area) => {
      if (area === 'local' && changes[OFFERED_KEY]) this.show(changes[OFFERED_KEY].newValue);
    };
    chrome.storage.onChanged.addListener(this.onChanged);
    chrome.storage.local.get(OFFERED_KEY).then((items) => this.show(items[OFFERED_KEY]));
  }

  show(offered) {
    // Stored by the worker; anything else there (corrupt storage) offers nothing.
    this.offered =
      offered?.platform === this.platform && typeof offered.draft === 'string' && offered.draft ? offered : null;
    this.element.hidden = !this.offered;
    if (this.offered) this.element.title = this.offered.draft;
  }

  destroy() {
    chrome.storage.onChanged.removeListener(this.onChanged);
    this.element.remove();
  }
}
