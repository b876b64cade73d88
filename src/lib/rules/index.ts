/**
 * The whole-content rules the content check runs after the per-file rules, in this order.
 * Add a rule by writing it in its own file here and listing it below.
 */
import type { ContentRule } from '../content-check.ts';

/** Every whole-content rule. */
export const contentRules: ContentRule[] = [];
