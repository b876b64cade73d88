/**
 * The components an `.mdx` version may use without importing anything: the whole list, with their
 * attributes, as content/README.md documents them. The safe-MDX rule refuses every other element;
 * src/components/VersionArticle.astro passes each to the MDX content (src/components/content/*.astro).
 */

/** One attribute a content component takes. Values are plain strings: `term="Personal data"`. */
export interface ComponentAttribute {
  name: string;
  required: boolean;
  /** What it is for, one line. */
  description: string;
}

/** A component editors may use in `.mdx` versions. */
export interface ContentComponent {
  /** The JSX name, e.g. `Notice`. */
  name: string;
  /** What it renders, one line. */
  description: string;
  attributes: ComponentAttribute[];
  /** A short example as an editor would write it. */
  example: string;
}

/** Every content component, in the order the editors' guide lists them. */
export const contentComponents: readonly ContentComponent[] = [
  {
    name: 'Notice',
    description: 'A highlighted box for an important notice inside the text.',
    attributes: [{ name: 'title', required: false, description: 'A short heading printed in bold at the top of the box.' }],
    example: '<Notice title="Important">\nThis section applies only to residents of California.\n</Notice>',
  },
  {
    name: 'Definition',
    description: 'A defined term and its definition.',
    attributes: [{ name: 'term', required: true, description: 'The term being defined, e.g. "Personal data".' }],
    example: '<Definition term="Personal data">\nInformation that identifies a person.\n</Definition>',
  },
  {
    name: 'Address',
    description: 'A postal address, one line per line of the address.',
    attributes: [],
    example: '<Address>\nProdsmart, Inc.\\\n1 Market Street\\\nSan Francisco, CA 94105\n</Address>',
  },
];

/**
 * Look a content component up by its JSX name.
 *
 * @param name Name as written, case-sensitive (`Notice`, not `notice`).
 * @returns The component, or `undefined` when it is not on the list.
 */
export function findContentComponent(name: string): ContentComponent | undefined {
  return contentComponents.find((component) => component.name === name);
}

/** `<Notice>, <Definition term="...">, <Address>`: the list as messages print it. */
export function listContentComponents(): string {
  return contentComponents
    .map((c) => `<${c.name}${c.attributes.filter((a) => a.required).map((a) => ` ${a.name}="..."`).join('')}>`)
    .join(', ');
}
