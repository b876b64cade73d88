/**
 * The search page in the browser: wires Pagefind's Component UI (loaded before this script from the
 * site's own `pagefind/` folder) to the page's options. It
 * - shows the search interface and hides the "search needs JavaScript" notice,
 * - searches current and upcoming versions by default, every version when "Include archived
 *   versions" is ticked,
 * - runs the search in `?q=` on load and keeps `?q=` / `&archived=1` in the address (and the query in
 *   the header's search box) as the reader types, so a search can be linked to,
 * - puts the version in force first among the results of each document (src/lib/site/search-order.ts),
 * - renders each result as a link to the version (labelled when archived or upcoming) with links to
 *   the matching sections (`/privacy-statement/#california-privacy-rights`), those holding the searched
 *   phrase first.
 */
import { readSearchState, statusFilter, versionLabel, writeSearchState, type SearchState } from '../lib/site/search-page.ts';
import { inForceFirst, phraseWords, sectionsToList } from '../lib/site/search-order.ts';
import { versionSortKey } from '../lib/site/search-index.ts';

/** The parts of the Component UI's instance this script uses (see Pagefind's custom-components docs). */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, unknown>;
  setTranslations(strings: Record<string, string>): void;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, unknown>): void;
  on(event: 'search', callback: (term: string) => void): void;
}
/**
 * The instance's Pagefind, which the Component UI keeps to itself: Pagefind 1.6's `Instance` loads it in
 * `__load__()` and keeps it in `__pagefind__` (pagefind_ui/component/core/instance.ts). The search page
 * wraps its `search` to re-order the results; test/browser/search.test.ts fails if that stops working.
 */
interface InstanceInternals {
  __load__(): Promise<void>;
  __pagefind__: PagefindBackend | null;
}
/** The part of Pagefind's JavaScript API used here (https://pagefind.app/docs/api/). */
interface PagefindBackend {
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse | null>;
  /** Every filter value with its number of pages (loads the filter index). */
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface SearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface SearchResponse {
  results: { id: string }[];
  /** Per filter key, the number of results with each value. */
  filters?: Record<string, Record<string, number>>;
}
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results: SubResult[];
}
interface PagefindResultsElement extends HTMLElement {
  resultTemplate: ((result: ResultData) => Element) | null;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
  }
}

/** Sections listed under a result at most. */
const maxSections = 3;

/** Make an element with a class and children (text is set as text, never parsed). */
function element(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** Pagefind's excerpts are escaped text with `<mark>` around the matches: keep only those marks. */
function excerpt(html: string, className: string): HTMLElement {
  const node = element('p', className);
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const child of template.content.childNodes) {
    node.append(child.nodeName === 'MARK' ? element('mark', '', child.textContent ?? '') : (child.textContent ?? ''));
  }
  return node;
}

/**
 * Have the instance's Pagefind give each document's results in version order, the version in force
 * first, in the places Pagefind's ranking gave that document: one more search per document with two
 * or more results, sorted by `versionRank` (src/lib/site/search-index.ts).
 */
async function orderVersions(instance: PagefindInstance): Promise<void> {
  const internals = instance as unknown as InstanceInternals;
  await internals.__load__();
  const backend = internals.__pagefind__;
  if (!backend) return; // The Component UI says the search could not load.
  const search = backend.search.bind(backend);
  backend.search = async (term, options = {}) => {
    const found = await search(term, options);
    if (!found || term === null) return found;
    // Pagefind counts a search's results per filter value once its filter index is loaded (the Component UI
    // loads it first); without those counts, every document with two or more versions is asked.
    const counts = found.filters?.document ?? (await backend.filters()).document ?? {};
    const several = Object.entries(counts).filter(([, count]) => count > 1).map(([id]) => id);
    const lists = await Promise.all(several.map(async (id) => {
      const own = await search(term, { ...options, filters: { ...options.filters, document: id }, sort: { [versionSortKey]: 'asc' } });
      return own?.results.map((result) => result.id) ?? [];
    }));
    const byId = new Map(found.results.map((result) => [result.id, result]));
    return { ...found, results: inForceFirst([...byId.keys()], lists).map((id) => byId.get(id)!) };
  };
}

/** The sections under a result, without the page itself (as Pagefind's `getDisplaySubResults`). */
function sectionsOf(result: ResultData): SubResult[] {
  const sections = Array.isArray(result.sub_results) ? result.sub_results : [];
  return sections[0]?.url === (result.meta.url ?? result.url) ? sections.slice(1) : sections;
}

/** One result: the document title linked to the version, its label, an excerpt and matching sections. */
function renderResult(instance: PagefindInstance, result: ResultData): Element {
  const status = result.filters?.status?.[0] ?? 'current';
  const label = versionLabel(status, result.meta.effective);
  const item = element('li', `search-result search-result--${status}`);
  const title = element('p', 'search-result__title', element('a', 'search-result__link', result.meta.title ?? result.url));
  (title.firstChild as HTMLAnchorElement).href = result.url;
  if (label) title.append(' ', element('span', `badge badge--${status}`, label.badge));
  item.append(title);
  if (label) item.append(element('p', 'search-result__version', label.dates));
  item.dataset.status = status;
  if (result.meta.effective) item.dataset.effective = result.meta.effective;
  const sections = sectionsToList(sectionsOf(result), phraseWords(instance.searchTerm), maxSections);
  if (sections.length === 0 && result.excerpt) item.append(excerpt(result.excerpt, 'search-result__excerpt'));
  if (sections.length > 0) {
    const list = element('ul', 'search-result__sections');
    for (const section of sections) {
      const link = element('a', 'search-result__section-link', section.title);
      (link as HTMLAnchorElement).href = section.url;
      list.append(element('li', 'search-result__section', link, excerpt(section.excerpt, 'search-result__excerpt')));
    }
    item.append(list);
  }
  return item;
}

async function start(): Promise<void> {
  const app = document.querySelector<HTMLElement>('[data-search-app]');
  const notice = document.querySelector<HTMLElement>('[data-search-nojs]');
  const archived = document.querySelector<HTMLInputElement>('[data-search-archived]');
  const results = document.querySelector<PagefindResultsElement>('pagefind-results');
  const components = window.PagefindComponents;
  if (!app || !archived || !results || !components) return; // The notice stays: search cannot run.

  const instance = components.getInstanceManager().getInstance('default');
  instance.setTranslations({
    search_label: 'Search the legal documents',
    placeholder: 'Search the legal documents',
    input_hint: 'Results appear as you type; press the down arrow to reach them',
  });
  results.resultTemplate = (result) => renderResult(instance, result);

  const initial = readSearchState(location.search);
  archived.checked = initial.includeArchived;
  instance.searchFilters = statusFilter(initial.includeArchived);

  const remember = (state: SearchState) => {
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  };
  // The header's search box shows the query being searched, as on every other page it shows what the reader types.
  const headerBox = document.querySelector<HTMLInputElement>('#header-search-q');
  if (headerBox) headerBox.value = initial.query;
  instance.on('search', (term) => {
    remember({ query: term, includeArchived: archived.checked });
    if (headerBox) headerBox.value = term;
  });
  archived.addEventListener('change', () => {
    // The box's text, not the instance's last term: the box waits 150 ms after typing before it searches.
    const query = document.querySelector<HTMLInputElement>('pagefind-input input')?.value ?? instance.searchTerm ?? '';
    remember({ query, includeArchived: archived.checked });
    instance.triggerSearchWithFilters(query, statusFilter(archived.checked));
  });

  app.hidden = false;
  if (notice) notice.hidden = true;
  await orderVersions(instance);
  if (initial.query !== '') instance.triggerSearch(initial.query);
}

void start();
