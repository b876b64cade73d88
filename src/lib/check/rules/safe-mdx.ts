/**
 * Safe content: a version can never run code or load anything from another host. The rule reports
 * the problems of the allow-list in src/lib/content/version-content.ts, run on each version's one
 * parsed tree, the same call the site's loader makes before it renders a page: what this rule
 * accepts is exactly what is published, and what it refuses is never built.
 *
 * Rule ids: `safe-mdx-esm` (import/export), `safe-mdx-expression` (JavaScript in braces),
 * `safe-mdx-element` (an element not on the list), `safe-mdx-component` (a JSX element that is
 * not a content component), `safe-mdx-attribute` (an attribute not on the list),
 * `safe-mdx-event-handler` (`on*` attributes), `safe-mdx-url` (`javascript:`, `data:` ... URLs),
 * `safe-mdx-external-media` (images from other hosts), `safe-mdx-heading-attribute` (a heading
 * attribute other than `{#id}`), `safe-mdx-node` (syntax a version may not use, such as TOML
 * frontmatter), `safe-mdx-nesting` (nesting too deep), `safe-mdx-unsafe` (anything else the
 * sanitiser would change).
 */
import type { ContentRule } from '../rule.ts';
import { versionContent } from '../../content/version-content.ts';

/** Check every version against the allow-list. */
export const safeMdxRule: ContentRule = ({ versions, display }) =>
  versions.flatMap((version) =>
    versionContent(version.tree, version.text, version.format).problems.map((problem) => ({
      file: display(version.path), line: problem.line, column: problem.column, ruleId: problem.ruleId, severity: 'error' as const, message: problem.message,
    })),
  );
