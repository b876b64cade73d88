/**
 * A diff as Markdown for a pull-request comment (`npm run diff -- <document> --format markdown`):
 * statistics, the changed sections, and each change as a short redline (`~~deleted~~`,
 * `<ins>inserted</ins>`), cut to fit GitHub's comment size limit.
 */
import { excerptSegments } from './excerpt.ts';
import type { Change, Segment, VersionDiff } from './types.ts';
import { showsSpaceBefore } from './tokens.ts';

/** What the summary is about. */
export interface MarkdownOptions {
  /** Heading, e.g. `Changes to privacy-statement: 2024-03-01 → 2025-09-01`. */
  title: string;
  /** Largest output in characters (GitHub allows 65,536 in a comment); default 60,000. */
  maxLength?: number;
}

/**
 * Format a diff as a Markdown summary.
 *
 * @param diff The diff.
 * @param options Title and size limit.
 * @returns Markdown text ending with a newline; when the limit is reached the remaining changes are
 *   counted in a closing line instead of shown.
 */
export function formatMarkdown(diff: VersionDiff, options: MarkdownOptions): string {
  const max = options.maxLength ?? 60_000;
  const { stats } = diff;
  const head = [
    `### ${escapeMarkdown(options.title)}`,
    '',
    `${plural(stats.sectionsChanged, 'section')} changed, **${stats.sectionsAdded}** added, **${stats.sectionsRemoved}** removed · ${plural(stats.wordsInserted, 'word')} inserted, **${stats.wordsDeleted}** deleted · ${plural(stats.blocksMoved, 'block')} moved · ${plural(stats.formattingChanges, 'formatting change')}`,
    '',
  ];
  if (diff.changes.length === 0) return `${[...head, 'No changes.'].join('\n')}\n`;
  const changed = diff.sections.filter((s) => s.status !== 'unchanged');
  head.push('Changed sections: ' + changed.map((s) => `${escapeMarkdown(s.title || 'Opening text')} (${s.status})`).join(', '), '');
  let out = head.join('\n');
  let shown = 0;
  for (const section of changed) {
    const parts = [`\n#### ${escapeMarkdown(section.title || 'Opening text')}${section.anchor ? ` \`#${section.anchor}\`` : ''} (${section.status})\n`];
    for (const change of section.changes) parts.push(`- ${label(change)}: ${redline(change.segments)}`);
    for (const change of section.movedAway) parts.push(`- _A ${change.type} moved from here to “${escapeMarkdown(change.newSection?.title || 'Opening text')}”._`);
    const block = parts.join('\n') + '\n';
    if (out.length + block.length > max - 200) break;
    out += block;
    shown += section.changes.length;
  }
  if (shown < diff.changes.length) out += `\n_…and ${diff.changes.length - shown} more changes, too many to show here: run \`npm run diff\` or open the changes page._\n`;
  return out;
}

function label(change: Change): string {
  const moved = change.kind === 'moved' ? ` from “${escapeMarkdown(change.oldSection?.title || 'Opening text')}”` : '';
  return `**${change.kind}** ${change.type}${moved}`;
}

function redline(segments: readonly Segment[]): string {
  return excerptSegments(segments)
    .filter((segment) => segment.target === undefined || segment.op !== 'equal')
    .map((segment, index, all) => {
      const text = segment.target !== undefined ? `(link to ${escapeMarkdown(segment.target)})` : escapeMarkdown(segment.text);
      const space = showsSpaceBefore(all[index - 1], segment) ? ' ' : '';
      if (segment.op === 'insert') return `${space}<ins>${text}</ins>`;
      if (segment.op === 'delete') return `${space}~~${text}~~`;
      return space + text;
    })
    .join('');
}

/** Escape what Markdown or GitHub's HTML would read as syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]<>|#]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

/** `**2** sections`, `**1** section`. */
function plural(count: number, noun: string): string {
  return `**${count}** ${noun}${count === 1 ? '' : 's'}`;
}
