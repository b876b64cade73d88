/**
 * A diff as text for a terminal (`npm run diff`): changed sections in order, each change as a
 * word-level redline. Coloured with ANSI styles when asked; otherwise marked the way
 * `git diff --word-diff=plain` does (`[-deleted-]{+inserted+}`), so nothing depends on colour.
 */
import { styleText } from 'node:util';
import { excerptSegments } from './excerpt.ts';
import type { Change, Segment, VersionDiff } from './types.ts';
import { showsSpaceBefore } from './tokens.ts';

/** What to print and how. */
export interface TerminalOptions {
  /** Title line, e.g. `privacy-statement: 2024-03-01 → 2025-09-01`. */
  title: string;
  /** ANSI colours (red strike-through for deleted, green underline for inserted) instead of markers. */
  color: boolean;
  /** Show every kept word instead of a few words of context around each change. */
  full?: boolean;
}

/**
 * Format a diff for a terminal.
 *
 * @param diff The diff.
 * @param options Title, colour, context.
 * @returns Lines joined by `\n`, ending with a newline.
 */
export function formatTerminal(diff: VersionDiff, options: TerminalOptions): string {
  const style = (format: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(format, text, { validateStream: false }) : text);
  const { stats } = diff;
  const lines = [
    style('bold', options.title),
    `${plural(stats.sectionsChanged, 'section')} changed, ${stats.sectionsAdded} added, ${stats.sectionsRemoved} removed; ${plural(stats.wordsInserted, 'word')} inserted, ${stats.wordsDeleted} deleted; ${plural(stats.blocksMoved, 'block')} moved; ${plural(stats.formattingChanges, 'formatting change')}`,
  ];
  if (diff.changes.length === 0) lines.push('', 'No changes.');
  for (const section of diff.sections) {
    if (section.status === 'unchanged') continue;
    lines.push('', style(['bold', 'cyan'], `§ ${section.title || 'Opening text'}${section.anchor ? ` (#${section.anchor})` : ''} — ${section.status}`));
    for (const change of section.changes) {
      lines.push(`  ${style('dim', label(change))}`, `    ${redline(change.segments, options, style)}`);
    }
    for (const change of section.movedAway) lines.push(`  ${style('dim', `a ${change.type} moved from here to "${change.newSection?.title || 'Opening text'}"`)}`);
  }
  return `${lines.join('\n')}\n`;
}

function label(change: Change): string {
  const where = change.kind === 'moved' ? ` from "${change.oldSection?.title || 'Opening text'}"` : '';
  const words = change.kind === 'formatting' ? '' : ` (+${change.wordsInserted} −${change.wordsDeleted} words)`;
  return `${change.kind} ${change.type}${where}${words}`;
}

function redline(segments: readonly Segment[], options: TerminalOptions, style: (format: Parameters<typeof styleText>[0], text: string) => string): string {
  const shown = options.full ? segments : excerptSegments(segments);
  return shown
    .filter((segment) => segment.target === undefined || segment.op !== 'equal')
    .map((segment, index, all) => {
      const text = segment.target !== undefined ? `<${segment.target}>` : segment.text;
      const space = showsSpaceBefore(all[index - 1], segment) ? ' ' : '';
      if (segment.op === 'insert') return space + (options.color ? style(['green', 'underline'], text) : `{+${text}+}`);
      if (segment.op === 'delete') return space + (options.color ? style(['red', 'strikethrough'], text) : `[-${text}-]`);
      return space + text;
    })
    .join('');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
