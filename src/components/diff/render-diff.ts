/**
 * The HTML of a diff: statistics, the view switch, the list of changed sections and each section's
 * changes as a redline. A string renderer (not an .astro component) because the compare page runs
 * the same code in the browser; the changes page prints it with `set:html`. Everything from the
 * text is escaped.
 *
 * Redline: `<ins>`/`<del>` with visually hidden "[inserted: …]"/"[deleted: …]" for screen readers
 * and underline/strike-through as the non-colour cue (WCAG 1.4.1). Inline view by default; the
 * side-by-side view is a second copy shown by a radio button through CSS `:has()`, so switching
 * needs no script.
 */
import type { Change, DiffStats, Segment, SectionDiff, VersionDiff } from '../../lib/diff/types.ts';
import { showsSpaceBefore } from '../../lib/diff/tokens.ts';

/** The two versions a diff compares, as the page names and links them. */
export interface DiffSides {
  /** The earlier version: a label (`March 1, 2024`) and the URL of its page. */
  from: { label: string; url: string };
  /** The later version. */
  to: { label: string; url: string };
}

/**
 * Render a diff.
 *
 * @param diff The diff (src/lib/diff).
 * @param sides Labels and URLs of the two versions, for the links to each section in both.
 * @returns HTML: `<h2>` headings for the summary and the changes, `<h3>` per changed section.
 */
export function renderDiff(diff: VersionDiff, sides: DiffSides): string {
  if (diff.changes.length === 0) {
    return `<p class="diff-none">No changes: the two versions say the same thing, in the same words and formatting.</p>`;
  }
  return [
    `<h2 id="summary">Summary</h2>`,
    renderStats(diff.stats),
    levelSummary(diff),
    renderViewSwitch(),
    renderSectionList(diff.sections),
    `<h2 id="changes">Changes by section</h2>`,
    renderSections(diff.sections, sides),
  ].join('');
}

/**
 * The HTML of one correction's diff, for the corrections page (several on one page): each changed
 * section with its changes as inline redlines, ids prefixed so that they stay unique. No
 * statistics and no view switch: a correction changes a few words.
 *
 * @param diff The diff of the text before and after the correction.
 * @param url URL of the version page (the corrected text), for the link to each section.
 * @param idPrefix Unique per diff on the page, e.g. `correction-2`.
 * @returns HTML: `<h3>` per changed section.
 */
export function renderCorrectionDiff(diff: VersionDiff, url: string, idPrefix: string): string {
  if (diff.changes.length === 0) return `<p class="diff-none">This correction changed no words or formatting of the text.</p>`;
  return diff.sections.filter((section) => section.changes.length > 0).map((section) => {
    const id = `${idPrefix}-${sectionId(section)}`;
    const anchor = section.newAnchor ?? section.oldAnchor;
    return `<section class="diff-section diff-section--${section.status}" aria-labelledby="${id}">`
      + `<h3 id="${id}">${anchor === undefined ? escape(titleOf(section)) : `<a href="${escape(link(url, anchor))}">${escape(titleOf(section))}</a>`}</h3>`
      + section.changes.map((change) => `<div class="change change--${change.kind}" data-kind="${change.kind}">`
        + `<p class="change__label"><strong>${kindLabel[change.kind]} ${blockWord[change.type]}</strong>${change.kind === 'formatting' ? '' : ` <span class="change__words">(${wordCount(change)})</span>`}</p>`
        + `<div class="redline redline--inline">${segmentsHtml(change.segments, 'inline')}</div></div>`).join('')
      + `</section>`;
  }).join('');
}

/**
 * The statistics as a description list.
 *
 * @param stats A diff's statistics.
 */
export function renderStats(stats: DiffStats): string {
  const items: [string, number][] = [
    ['Sections changed', stats.sectionsChanged],
    ['Sections added', stats.sectionsAdded],
    ['Sections removed', stats.sectionsRemoved],
    ['Words inserted', stats.wordsInserted],
    ['Words deleted', stats.wordsDeleted],
    ['Blocks moved', stats.blocksMoved],
    ['Formatting changes', stats.formattingChanges],
    ['Headings that changed level', stats.headingLevelChanges ?? 0],
  ];
  return `<dl class="diff-stats">${items.map(([term, value]) => `<div class="diff-stats__item" data-stat="${kebab(term)}"><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/**
 * A one-line summary of statistics, e.g. `2 sections changed, 1 added · 12 words inserted, 3 deleted`.
 *
 * @param stats A diff's statistics.
 */
export function statsSentence(stats: DiffStats): string {
  if (stats.changes === 0) return 'No changes';
  const parts = [
    `${plural(stats.sectionsChanged, 'section')} changed, ${stats.sectionsAdded} added, ${stats.sectionsRemoved} removed`,
    `${plural(stats.wordsInserted, 'word')} inserted, ${stats.wordsDeleted} deleted`,
  ];
  if (stats.blocksMoved > 0) parts.push(`${plural(stats.blocksMoved, 'block')} moved`);
  if (stats.formattingChanges > 0) parts.push(`${plural(stats.formattingChanges, 'formatting change')}`);
  if ((stats.headingLevelChanges ?? 0) > 0) parts.push(`${plural(stats.headingLevelChanges, 'heading')} changed level`);
  return parts.join(' · ');
}

/** Headings that only changed level, said once (not one entry per section, which would drown the real edits). */
function levelSummary(diff: VersionDiff): string {
  const levelOnly = diff.changes.filter(isLevelOnly);
  if (levelOnly.length === 0) return '';
  return `<p class="diff-levels">${plural(levelOnly.length, 'heading')} changed level and nothing else, e.g. “${escape(levelOnly[0]!.newSection?.title ?? '')}” from level ${levelOnly[0]!.level!.from} to ${levelOnly[0]!.level!.to}.</p>`;
}

/** A heading whose level changed and nothing else. */
const isLevelOnly = (change: Change) => change.kind === 'formatting' && change.level !== undefined && change.segments.every((s) => s.op === 'equal');

function renderViewSwitch(): string {
  return `<fieldset class="diff-view"><legend>Show changes</legend>`
    + `<label><input type="radio" name="diff-view" value="inline" checked> Inline redline</label>`
    + `<label><input type="radio" name="diff-view" value="side"> Side by side</label>`
    + `</fieldset>`
    + `<p class="diff-key">Key: <ins>inserted text is underlined</ins>, <del>deleted text is struck through</del>.</p>`;
}

function renderSectionList(sections: readonly SectionDiff[]): string {
  const changed = sections.filter((s) => s.status !== 'unchanged');
  return `<nav class="diff-toc" aria-labelledby="changed-sections"><h2 id="changed-sections">Changed sections</h2><ol>`
    + changed.map((s) => `<li><a href="#${sectionId(s)}">${escape(titleOf(s))}</a> <span class="diff-status diff-status--${s.status}">${statusLabel[s.status]}</span></li>`).join('')
    + `</ol></nav>`;
}

function renderSections(sections: readonly SectionDiff[], sides: DiffSides): string {
  let html = '';
  let unchanged: SectionDiff[] = [];
  const flush = () => {
    if (unchanged.length === 0) return;
    html += `<details class="diff-unchanged"><summary>${plural(unchanged.length, 'unchanged section')}</summary><ul>`
      + unchanged.map((s) => `<li><a href="${escape(link(sides.to.url, s.newAnchor))}">${escape(titleOf(s))}</a></li>`).join('')
      + `</ul></details>`;
    unchanged = [];
  };
  for (const section of sections) {
    if (section.status === 'unchanged') {
      unchanged.push(section);
      continue;
    }
    flush();
    html += `<section class="diff-section diff-section--${section.status}" aria-labelledby="${sectionId(section)}">`
      + `<h3 id="${sectionId(section)}">${escape(titleOf(section))} <span class="diff-status diff-status--${section.status}">${statusLabel[section.status]}</span></h3>`
      + (section.trail.length > 1 ? `<p class="diff-section__trail">In ${section.trail.slice(0, -1).map(escape).join(' › ')}</p>` : '')
      + sectionLinks(section, sides)
      + section.changes.filter((change) => !isLevelOnly(change)).map((change) => renderChange(change, sides)).join('')
      + section.movedAway.map((change) => `<p class="change change--moved-away">A ${blockWord[change.type]} moved from here to <a href="#${change.id}">${escape(change.newSection?.title || 'Opening text')}</a>.</p>`).join('')
      + `</section>`;
  }
  flush();
  return html;
}

function renderChange(change: Change, sides: DiffSides): string {
  const words = change.kind === 'formatting' ? '' : ` <span class="change__words">(${wordCount(change)})</span>`;
  const moved = change.kind === 'moved'
    ? ` from <a href="${escape(link(sides.from.url, change.oldSection?.anchor))}">${escape(change.oldSection?.title || 'Opening text')}</a> in the earlier version`
    : '';
  const links = [
    change.oldSection ? `<a href="${escape(link(sides.from.url, change.oldSection.anchor))}">Before</a>` : '',
    change.newSection ? `<a href="${escape(link(sides.to.url, change.newSection.anchor))}">After</a>` : '',
  ].filter(Boolean).join(' ');
  return `<div class="change change--${change.kind}" id="${change.id}" data-kind="${change.kind}">`
    + `<p class="change__label"><strong>${kindLabel[change.kind]} ${blockWord[change.type]}</strong>${moved}${words} <span class="change__links">${links}</span></p>`
    + `<div class="redline redline--inline">${segmentsHtml(change.segments, 'inline')}</div>`
    + `<div class="redline-pair">`
    + `<div class="redline redline--old"><p class="redline__caption">Before (${escape(sides.from.label)})</p><div>${change.oldSection ? segmentsHtml(change.segments, 'old') : '<em>Not in this version</em>'}</div></div>`
    + `<div class="redline redline--new"><p class="redline__caption">After (${escape(sides.to.label)})</p><div>${change.newSection ? segmentsHtml(change.segments, 'new') : '<em>Not in this version</em>'}</div></div>`
    + `</div></div>`;
}

/**
 * A redline's segments as HTML.
 *
 * @param segments Equal, inserted and deleted pieces.
 * @param view `inline` (both), `old` (equal and deleted) or `new` (equal and inserted).
 */
export function segmentsHtml(segments: readonly Segment[], view: 'inline' | 'old' | 'new'): string {
  let html = '';
  let previous: Segment | undefined;
  for (const segment of segments) {
    if ((view === 'old' && segment.op === 'insert') || (view === 'new' && segment.op === 'delete')) continue;
    if (segment.target !== undefined && segment.op === 'equal') continue;
    const space = html !== '' && showsSpaceBefore(previous, segment) ? ' ' : '';
    previous = segment;
    const body = segment.target !== undefined
      ? `<span class="redline__href">(link to ${escape(segment.target)})</span>`
      : segment.href !== undefined ? `<span class="redline__link">${escape(segment.text)}</span>` : escape(segment.text);
    if (segment.op === 'insert') html += `${space}<ins><span class="visually-hidden">[inserted: </span>${body}<span class="visually-hidden">]</span></ins>`;
    else if (segment.op === 'delete') html += `${space}<del><span class="visually-hidden">[deleted: </span>${body}<span class="visually-hidden">]</span></del>`;
    else html += space + body;
  }
  return html;
}

const statusLabel: Record<SectionDiff['status'], string> = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  formatting: 'Formatting only',
  added: 'New section',
  removed: 'Removed section',
};
const kindLabel: Record<Change['kind'], string> = {
  inserted: 'Added',
  deleted: 'Removed',
  modified: 'Changed',
  moved: 'Moved',
  formatting: 'Formatting of',
};
const blockWord: Record<Change['type'], string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  'list-item': 'list item',
  'table-row': 'table row',
  blockquote: 'quotation',
  code: 'code block',
  html: 'HTML block',
};

/** The links to a section in both versions, as a list (CSS spaces the items: no text separator to wrap alone on narrow screens). */
function sectionLinks(section: SectionDiff, sides: DiffSides): string {
  const parts: string[] = [];
  if (section.oldAnchor !== undefined) parts.push(`<li><a href="${escape(link(sides.from.url, section.oldAnchor))}">This section in the version of ${escape(sides.from.label)}</a></li>`);
  if (section.newAnchor !== undefined) parts.push(`<li><a href="${escape(link(sides.to.url, section.newAnchor))}">This section in the version of ${escape(sides.to.label)}</a></li>`);
  return parts.length === 0 ? '' : `<ul class="diff-section__links">${parts.join('')}</ul>`;
}

function wordCount(change: Change): string {
  const parts: string[] = [];
  if (change.wordsInserted > 0) parts.push(`${plural(change.wordsInserted, 'word')} inserted`);
  if (change.wordsDeleted > 0) parts.push(`${plural(change.wordsDeleted, 'word')} deleted`);
  return parts.join(', ') || 'same words';
}

/** Page id of a section's part of the diff: `section-<anchor>`, `section-opening` for the text before the first heading. */
function sectionId(section: SectionDiff): string {
  return `section-${section.anchor === '' ? 'opening' : section.anchor.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function titleOf(section: SectionDiff): string {
  return section.title || 'Opening text';
}

function link(url: string, anchor: string | undefined): string {
  return anchor ? `${url}#${encodeURIComponent(anchor)}` : url;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function kebab(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '-');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
