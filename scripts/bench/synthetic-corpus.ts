/**
 * A deterministic synthetic content folder for the build benchmark: `documents` documents with
 * `versions` versions of about `words` words each, in the project's content format
 * (`documents.yaml` + `<document>/<YYYY-MM-DD>.mdx`, every h2/h3 with a pinned `{#anchor}`, every
 * version after the first with `summary` and `material`).
 *
 * Each version is made from the previous one by amendment-like edits: sentences rewritten,
 * paragraphs inserted and removed, a section moved to another place, and now and then a new
 * section. The words come from a fixed vocabulary with a seeded random generator, so the same
 * options always give byte-identical files. The text is filler, not legal text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shape of a synthetic corpus. */
export interface CorpusOptions {
  /** Number of documents (ids `document-01`, ...). */
  documents: number;
  /** Versions per document, 60 days apart. */
  versions: number;
  /** Approximate words per version. */
  words: number;
  /** Seed of the random generator; the same seed gives the same corpus. */
  seed?: number;
}

/** What was written. */
export interface CorpusSummary {
  /** Number of version files. */
  files: number;
  /** Total words of all versions. */
  words: number;
  /** Total bytes of all version files. */
  bytes: number;
  /** Effective date of the last version of each document (`YYYY-MM-DD`). */
  lastEffective: string;
}

/**
 * Write a synthetic corpus into `dir` (which should be empty).
 *
 * @param dir Content folder to write.
 * @param options Size of the corpus.
 * @returns Counts of what was written.
 */
export function writeSyntheticCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const random = mulberry32(options.seed ?? 7);
  const registry = ['# Synthetic corpus for `npm run bench` (generated; filler text, not legal text).', 'documents:'];
  let files = 0;
  let words = 0;
  let bytes = 0;
  let lastEffective = '';
  for (let d = 1; d <= options.documents; d++) {
    const id = `document-${String(d).padStart(2, '0')}`;
    registry.push(`  - id: ${id}`, `    title: Synthetic Document ${d}`, `    kind: ${d % 3 === 0 ? 'terms' : 'statement'}`, `    description: Synthetic document ${d} for the build benchmark.`);
    mkdirSync(join(dir, id), { recursive: true });
    const text = new SyntheticText(random);
    let sections = text.firstVersion(options.words);
    for (let v = 0; v < options.versions; v++) {
      const effective = addDays('2001-01-01', v * 60);
      let summary = '';
      let material = false;
      if (v > 0) {
        const edit = text.amend(sections, options.words);
        sections = edit.sections;
        summary = edit.summary;
        material = v % 5 === 0;
      }
      const frontmatter = v === 0
        ? []
        : [`summary: ${summary}`, `material: ${material}`, ...(material ? [`published: ${addDays(effective, -45)}`] : [])];
      const body = render(sections);
      const file = (frontmatter.length ? `---\n${frontmatter.join('\n')}\n---\n\n` : '') + body;
      writeFileSync(join(dir, id, `${effective}.mdx`), file);
      files++;
      words += body.split(/\s+/).length;
      bytes += Buffer.byteLength(file);
      lastEffective = effective;
    }
  }
  writeFileSync(join(dir, 'documents.yaml'), `${registry.join('\n')}\n`);
  return { files, words, bytes, lastEffective };
}

/** One section of a synthetic version: heading, anchor and paragraphs (each a list of sentences). */
interface Section {
  anchor: string;
  title: string;
  /** Level-3 subsection title and anchor, shown before the last paragraph, when there is one. */
  sub?: { anchor: string; title: string };
  paragraphs: string[][];
}

const vocabulary = (
  'account access address agreement analytics apply archive audit authority backup billing business ' +
  'choice collect company compliance confidential consent contact content contract control cookie ' +
  'customer data delete device disclose dispute document duration email employee encryption entity ' +
  'export feature feedback file financial form function government identifier improve incident ' +
  'information interest internet invoice jurisdiction language lawful legal license limit location ' +
  'maintain manage marketing measure member message method mobile network notice obligation operate ' +
  'order organization partner password payment period permission person platform policy portal ' +
  'practice preference process processor product profile protect provide provider purpose reasonable ' +
  'record region remove report request require research resolve restrict retain review right risk ' +
  'safeguard secure security service session setting share software statement storage store subject ' +
  'subscription supplier support system team technical term third-party transfer update usage user ' +
  'vendor verify website workspace shall may must will every each any all certain relevant applicable ' +
  'the the the a a of of to to and and or in in for with on by from under within where when as that this'
).split(' ');

/** Makes and amends the sections of one document's versions. */
class SyntheticText {
  private next = 1;
  constructor(random: () => number) {
    this.random = random;
  }
  private random: () => number;

  /** A first version of about `words` words: sections of two to four paragraphs. */
  firstVersion(words: number): Section[] {
    const sections: Section[] = [];
    let count = 0;
    while (count < words) {
      const section = this.section();
      count += wordCount(section);
      sections.push(section);
    }
    return sections;
  }

  /**
   * The next version: about five sentences rewritten, two paragraphs inserted and one or two
   * removed, one section moved, every fourth version a new section; trimmed back to about `words`.
   */
  amend(previous: Section[], words: number): { sections: Section[]; summary: string } {
    const sections = previous.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => [...p]) }));
    const rewrites = 3 + this.int(5);
    for (let i = 0; i < rewrites; i++) {
      const paragraph = this.pick(this.pick(sections).paragraphs);
      paragraph[this.int(paragraph.length)] = this.sentence();
    }
    for (let i = 0; i < 2; i++) {
      const section = this.pick(sections);
      section.paragraphs.splice(this.int(section.paragraphs.length + 1), 0, this.paragraph());
    }
    const removals = 1 + this.int(2);
    for (let i = 0; i < removals; i++) {
      const section = this.pick(sections.filter((s) => s.paragraphs.length > 1));
      section.paragraphs.splice(this.int(section.paragraphs.length), 1);
    }
    const moved = sections.splice(this.int(sections.length), 1)[0]!;
    sections.splice(this.int(sections.length + 1), 0, moved);
    const added = this.random() < 0.25;
    if (added) sections.splice(this.int(sections.length + 1), 0, this.section());
    // Keep the length steady: drop paragraphs (never a section, so anchors stay) while too long.
    while (sections.reduce((n, s) => n + wordCount(s), 0) > words * 1.05) {
      const section = this.pick(sections.filter((s) => s.paragraphs.length > 1));
      section.paragraphs.splice(this.int(section.paragraphs.length), 1);
    }
    const summary = `Rewrites ${rewrites} sentences, adds two paragraphs, removes at least ${removals} and moves the section "${moved.title}"${added ? ', with a new section' : ''}.`;
    return { sections, summary };
  }

  private section(): Section {
    const n = this.next++;
    const title = capitalise(`${this.word()} ${this.word()} ${this.word()}`);
    const paragraphs = Array.from({ length: 2 + this.int(3) }, () => this.paragraph());
    const sub = this.random() < 0.3 ? { anchor: `part-${n}-detail`, title: capitalise(`${this.word()} ${this.word()}`) } : undefined;
    return { anchor: `part-${n}`, title, sub, paragraphs };
  }

  private paragraph(): string[] {
    return Array.from({ length: 3 + this.int(4) }, () => this.sentence());
  }

  private sentence(): string {
    return `${capitalise(Array.from({ length: 8 + this.int(13) }, () => this.word()).join(' '))}.`;
  }

  private word(): string {
    return this.pick(vocabulary);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: T[]): T {
    return items[this.int(items.length)]!;
  }
}

function render(sections: Section[]): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(`## ${section.title} {#${section.anchor}}`);
    section.paragraphs.forEach((paragraph, i) => {
      if (section.sub && i === section.paragraphs.length - 1) out.push(`### ${section.sub.title} {#${section.sub.anchor}}`);
      out.push(paragraph.join(' '));
    });
  }
  return `${out.join('\n\n')}\n`;
}

function wordCount(section: Section): number {
  return section.paragraphs.reduce((n, p) => n + p.reduce((m, s) => m + s.split(' ').length, 0), 0);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `YYYY-MM-DD` plus `days` days (civil-date arithmetic in UTC, where days are all 24 h). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Seeded 32-bit random generator (mulberry32), returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
