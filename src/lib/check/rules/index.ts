/**
 * The whole-content rules the content check runs after the per-file rules, in this order.
 * Add a rule by writing it in its own file here and listing it below.
 */
import type { ContentRule } from '../rule.ts';
import { anchorRule } from './anchors.ts';
import { deepLinkRule } from './deep-links.ts';
import { noticePeriodRule } from './notice-period.ts';
import { safeMdxRule } from './safe-mdx.ts';
import { internalLinksRule } from './internal-links.ts';
import { correctionsRule } from './corrections.ts';
import { correctionsCarriedRule } from './corrections-carried.ts';
import { lockRule } from './lock.ts';
import { newVersionTodoRule } from './new-version-todo.ts';
import { writtenDatesRule } from './written-dates.ts';

/** Every whole-content rule. */
export const contentRules: ContentRule[] = [anchorRule, deepLinkRule, noticePeriodRule, safeMdxRule, internalLinksRule, correctionsRule, correctionsCarriedRule, lockRule, newVersionTodoRule, writtenDatesRule];
