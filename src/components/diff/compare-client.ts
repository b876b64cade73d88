/**
 * The compare page in the browser: fetch the blocks of the two versions the reader picked, diff
 * them with the same code the build uses (src/lib/diff/diff-blocks.ts), and print the result with
 * the same renderer as the changes pages. The choice is kept in the address (`?from=&to=`), so a
 * comparison can be shared.
 */
import { diffBlocks } from '../../lib/diff/diff-blocks.ts';
import { unpackBlocks, type PackedBlocks } from '../../lib/diff/pack.ts';
import type { Block } from '../../lib/diff/types.ts';
import { renderDiff } from './render-diff.ts';

/**
 * Wire up a compare form: `form[data-compare]` with two selects named `from` and `to` whose
 * options carry `data-blocks` (URL of blocks.json), `data-url` (version page) and `data-label`.
 * Shows the form (the page ships it `hidden`) and removes the page's `[data-compare-needs-script]`.
 *
 * @param form The form.
 * @param output Element the diff is printed into.
 * @param status Live region for progress and errors.
 */
export function setUpCompare(form: HTMLFormElement, output: HTMLElement, status: HTMLElement): void {
  const select = (name: 'from' | 'to') => form.elements.namedItem(name) as HTMLSelectElement;
  const cache = new Map<string, Promise<Block[]>>();
  const load = (url: string) => {
    let blocks = cache.get(url);
    if (!blocks) {
      blocks = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return (response.json() as Promise<PackedBlocks>).then(unpackBlocks);
      });
      cache.set(url, blocks);
    }
    return blocks;
  };
  const compare = async () => {
    let [from, to] = [select('from').selectedOptions[0]!, select('to').selectedOptions[0]!];
    if (from.value === to.value) {
      status.textContent = 'Pick two different versions to compare.';
      output.replaceChildren();
      return;
    }
    if (from.value > to.value) [from, to] = [to, from];
    status.textContent = 'Comparing…';
    try {
      const [a, b] = await Promise.all([load(from.dataset.blocks!), load(to.dataset.blocks!)]);
      const diff = diffBlocks(a, b);
      output.innerHTML = `<h2 class="compare__title">Changes from ${from.dataset.label} to ${to.dataset.label}</h2>${renderDiff(diff, {
        from: { label: from.dataset.label!, url: from.dataset.url! },
        to: { label: to.dataset.label!, url: to.dataset.url! },
      })}`;
      status.textContent = `Compared the version of ${from.dataset.label} with the version of ${to.dataset.label}: ${diff.stats.changes} change${diff.stats.changes === 1 ? '' : 's'}.`;
      const params = new URLSearchParams({ from: from.value, to: to.value });
      history.replaceState(null, '', `${location.pathname}?${params}`);
    } catch (error) {
      status.textContent = `The comparison failed: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare();
  });
  const params = new URLSearchParams(location.search);
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value && [...select(name).options].some((o) => o.value === value)) select(name).value = value;
  }
  // The form is `hidden` in the HTML (without JavaScript it would only reload the page): show it.
  form.ownerDocument.querySelector('[data-compare-needs-script]')?.remove();
  form.hidden = false;
  void compare();
}
