/**
 * Walk a parsed version (mdast): every node, parents before children, in reading order.
 *
 * The content check walks each version's tree several times (anchors, links, safe content) and a
 * build checks a thousand versions; unist-util-visit keeps a parent trail for every node, which
 * measured about 15 times the cost of this plain walk (0.5 ms against 0.03 ms a version of
 * 5,000 words) and was half the check's time. No rule here needs the trail, nor visit's SKIP/EXIT.
 */
import type { Nodes } from 'mdast';

/**
 * Call `visitor` on `tree` and each node below it.
 *
 * @param tree An mdast node, usually the root.
 * @param visitor Called once per node, depth first, in document order.
 */
export function walk(tree: Nodes, visitor: (node: Nodes) => void): void {
  // An explicit stack, not recursion: a file nested 10,000 levels deep must give a diagnostic, not a stack overflow.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visitor(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

/**
 * Call `visitor` on each node of one type.
 *
 * @param tree An mdast node, usually the root.
 * @param type An mdast type, e.g. `heading`.
 * @param visitor Called once per node of that type, in document order.
 */
export function walkType<Type extends Nodes['type']>(tree: Nodes, type: Type, visitor: (node: Extract<Nodes, { type: Type }>) => void): void {
  walk(tree, (node) => {
    if (node.type === type) visitor(node as Extract<Nodes, { type: Type }>);
  });
}
