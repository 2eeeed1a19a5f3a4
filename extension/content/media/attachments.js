// The images the user attaches to a post, as the site gets them: from the composer's own file input (`change`),
// a drop or a paste the site took (it cancelled the browser's default), several at once, in order. Stratège only
// reads the File objects: it never touches the site's input, never uploads. Removal follows the site's own
// "remove" buttons (the index of the preview removed), re-ordering follows the site's slides (a carousel dragged
// into a new order), and the list ends with the site's previews or its container. What the site does is data:
// `media` of data/sites.json.

/** Image files only: a video or a document attached beside them is not analysed. */
const isImage = (file) =>
  file.type.startsWith('image/') || /\.(jpe?g|png|gif|webp|heic|heif|avif|bmp)$/i.test(file.name);

export class AttachmentTracker {
  /**
   * @param {object} media the site's `media` rules: `inputs` (its file inputs), `scope` (a container, such as a
   *   create-post dialog, whose files belong to the composer inside it), `previews` (one element per attached
   *   item, in order), `remove` (the remove button inside a preview), `order` (the slides the user re-orders, where
   *   they are not the previews)
   * @param {(element: Element) => Element | null} editorNear the editor of the composer nearest an element
   * @param {() => void} onChange called after any change of any group
   */
  constructor(media, editorNear, onChange) {
    this.media = media;
    this.editorNear = editorNear;
    this.onChange = onChange;
    // {scope: Element, contained: boolean, files: File[], shown: number}: scope is the container, or the editor.
    this.groups = [];
    this.onInput = (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.matches(media.inputs)) return;
      this.add(input, [...(input.files || [])]);
    };
    // Bubble phase on window: after the site's handlers, so `defaultPrevented` says the site took the files.
    this.onDrop = (event) => {
      if (event.defaultPrevented && event.target instanceof Element)
        this.add(event.target, [...(event.dataTransfer?.files || [])]);
    };
    this.onPaste = (event) => {
      if (event.defaultPrevented && event.target instanceof Element)
        this.add(event.target, [...(event.clipboardData?.files || [])]);
    };
    this.onClick = (event) => this.removed(event);
    this.slides = new WeakMap(); // a site's slide element → the File it shows (see reordered)
    this.observer = new MutationObserver(() => this.prune());
  }

  start() {
    addEventListener('change', this.onInput, true);
    addEventListener('drop', this.onDrop);
    addEventListener('paste', this.onPaste);
    addEventListener('click', this.onClick, true);
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  stop() {
    removeEventListener('change', this.onInput, true);
    removeEventListener('drop', this.onDrop);
    removeEventListener('paste', this.onPaste);
    removeEventListener('click', this.onClick, true);
    this.observer.disconnect();
    this.groups = [];
  }

  /**
   * Files added at `element` (an input, or the target of a drop or paste) join the group of its container, or
   * else of the nearest composer; files that no composer is near are not the user's post.
   */
  add(element, files) {
    const images = files.filter(isImage);
    if (!images.length) return;
    const container = this.media.scope ? element.closest(this.media.scope) : null;
    const scope = container || this.editorNear(element);
    if (!scope) return;
    let group = this.groups.find((g) => g.scope === scope);
    if (!group) {
      group = { scope, contained: Boolean(container), files: [], shown: 0 };
      this.groups.push(group);
    }
    group.files.push(...images);
    this.onChange();
  }

  /** A click on a preview's remove button removes the file at that preview's index. */
  removed(event) {
    if (!this.media.previews || !this.media.remove || !(event.target instanceof Element)) return;
    const button = event.target.closest(this.media.remove);
    const preview = button?.closest(this.media.previews);
    if (!preview) return;
    for (const group of this.groups) {
      const previews = this.previewsOf(group);
      const index = previews.indexOf(preview);
      if (index >= 0 && index < group.files.length) {
        group.files.splice(index, 1);
        this.onChange();
        return;
      }
    }
  }

  /** The site's previews of a group, in order: those in its container, or the nearest to its editor. */
  previewsOf(group) {
    return this.itemsOf(group, this.media.previews);
  }

  /** The elements matching `selector` for a group, in order: those in its container, or the nearest to its editor. */
  itemsOf(group, selector) {
    if (!selector) return [];
    for (let node = group.scope; node; node = node.parentElement) {
      const found = node.querySelectorAll(selector);
      if (found.length) return [...found];
      if (group.contained) break;
    }
    return [];
  }

  /**
   * Groups end when their container leaves the page, or when the site's previews that showed them are all gone
   * (the post was sent or the user removed everything another way).
   */
  prune() {
    let changed = false;
    this.groups = this.groups.filter((group) => {
      if (!group.scope.isConnected) {
        changed = true;
        return false;
      }
      const shown = this.previewsOf(group).length;
      if (group.shown > 0 && shown === 0) {
        changed = true;
        return false;
      }
      group.shown = shown;
      if (this.reordered(group)) changed = true;
      return true;
    });
    if (changed) this.onChange();
  }

  /**
   * Follows the site's own re-ordering (a carousel's slides dragged into a new order): each of the site's slide
   * elements (`order`, else `previews`: keyed lists keep their elements when they move) is tied to the file it
   * showed when first seen, in the files' order; when they stand in another order, the files take it. Returns
   * whether the order changed. While the site shows more or fewer slides than files (it is drawing a change), waits.
   */
  reordered(group) {
    const items = this.itemsOf(group, this.media.order || this.media.previews);
    if (!items.length || items.length !== group.files.length) return false;
    const seen = items.map((item) => {
      const file = this.slides.get(item);
      return group.files.includes(file) ? file : null;
    });
    const free = group.files.filter((file) => !seen.includes(file));
    const order = seen.map((file) => file ?? free.shift());
    for (const [i, item] of items.entries()) this.slides.set(item, order[i]);
    if (order.every((file, i) => file === group.files[i])) return false;
    group.files = order;
    return true;
  }

  /** The site's file input nearest a group's scope (in its container for a contained group), or null. */
  inputOf(group) {
    for (let node = group.scope; node; node = node.parentElement) {
      const found = node.querySelector(this.media.inputs);
      if (found) return found;
      if (group.contained) break;
    }
    return null;
  }

  /**
   * What `editor`'s composer has attached: `{files, previews(), input()}`; `previews()` gives the site's preview
   * elements, in order, as they are when asked (the site draws them after the `change` that added the files: for
   * the alt text each may carry and their remove buttons), `input()` the site's file input (for a framed copy the
   * user asks for). A group in a container belongs to the composer inside it.
   */
  attachedTo(editor) {
    const group = this.groups.find((g) => (g.contained ? g.scope.contains(editor) : g.scope === editor));
    if (!group) return { files: [], previews: () => [], input: () => null };
    return { files: [...group.files], previews: () => this.previewsOf(group), input: () => this.inputOf(group) };
  }
}
