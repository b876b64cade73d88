/** `/robots.txt`: lets every crawler in and names the sitemap, under the site's base path (issue 5). */
import type { APIRoute } from 'astro';
import { settings } from '../data/legal.ts';
import { robotsTxt } from '../lib/site/robots.ts';

export const GET: APIRoute = () => new Response(robotsTxt(settings.site, settings.base), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
