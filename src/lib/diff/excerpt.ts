/**
 * Shorten a redline for a summary: kept text far from any change is cut to a few words on each
 * side, so a pull-request comment or a terminal shows each change with just enough context.
 */
import type { Segment } from './types.ts';

/**
 * Shorten the kept pieces of a redline.
 *
 * @param segments A change's segments.
 * @param context Words of kept text to show on each side of a change (default 8).
 * @returns Segments where long kept pieces are cut to their first and/or last `context` words,
 *   joined by `…`; inserted and deleted pieces are untouched.
 */
export function excerptSegments(segments: readonly Segment[], context = 8): Segment[] {
  if (segments.every((s) => s.op === 'equal')) return segments.map((s) => ({ ...s, text: cut(s.text, context * 2, 'middle') }));
  return segments.map((segment, index) => {
    if (segment.op !== 'equal' || segment.target !== undefined) return segment;
    const first = index === 0;
    const last = index === segments.length - 1;
    const text = first && last ? segment.text : first ? cut(segment.text, context, 'start') : last ? cut(segment.text, context, 'end') : cut(segment.text, context * 2, 'middle');
    return { ...segment, text };
  });
}

/** Keep `keep` words: the last ones (`start` cut), the first ones (`end` cut) or half of each (`middle`). */
function cut(text: string, keep: number, where: 'start' | 'end' | 'middle'): string {
  const words = text.split(' ');
  if (words.length <= keep + 1) return text;
  if (where === 'start') return `… ${words.slice(-keep).join(' ')}`;
  if (where === 'end') return `${words.slice(0, keep).join(' ')} …`;
  const half = Math.ceil(keep / 2);
  return `${words.slice(0, half).join(' ')} … ${words.slice(-half).join(' ')}`;
}
