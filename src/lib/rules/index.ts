/**
 * The whole-content rules the content check runs after the per-file rules, in this order.
 * Add a rule by writing it in its own file here and listing it below.
 */
import type { ContentRule } from '../content-check.ts';
import { anchorRule } from './anchors.ts';
import { deepLinkRule } from './deep-links.ts';
import { noticePeriodRule } from './notice-period.ts';

/** Every whole-content rule. */
export const contentRules: ContentRule[] = [anchorRule, deepLinkRule, noticePeriodRule];
