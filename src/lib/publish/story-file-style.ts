/**
 * The stylesheet of a story's file to download (src/lib/publish/story-file.ts) and the policy that
 * allows it and nothing else: apart, because `_headers` (src/lib/publish/headers.ts) names it too.
 */
import { createHash } from 'node:crypto';

/** The file's stylesheet: light and dark, readable on a phone; its digest is the only style the file's policy allows (src/lib/publish/headers.ts). */
export const STORY_FILE_CSS = `:root{color-scheme:light dark;--bg:#fdfcfa;--text:#1c1b19;--muted:#57534e;--rule:#d6d3cd;--link:#0b57a4;--key:#a66300}
@media (prefers-color-scheme:dark){:root{--bg:#161514;--text:#eeece8;--muted:#b5b0a8;--rule:#44403c;--link:#8cc4ff;--key:#e0a84a}}
body{margin:0 auto;max-width:42rem;padding:1rem;background:var(--bg);color:var(--text);font:1.05rem/1.6 Georgia,serif}
a{color:var(--link)}h1{line-height:1.2}header p,.meta,footer{color:var(--muted);font:.9rem/1.5 system-ui,sans-serif}
h2{margin-top:2.5rem;border-bottom:1px solid var(--rule);font:700 1.2rem/1.4 system-ui,sans-serif}
article{margin:1.5rem 0;padding-bottom:1rem;border-bottom:1px solid var(--rule)}article.key{border-inline-start:4px solid var(--key);padding-inline-start:.75rem}
h3{margin:.25rem 0;font:700 1.1rem/1.35 system-ui,sans-serif}figure{margin:1rem 0}figcaption{color:var(--muted);font-size:.9rem}
blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:3px solid var(--rule)}table{border-collapse:collapse}td,th{border:1px solid var(--rule);padding:.25rem .5rem}`;

/**
 * The file's policy: nothing from the network, no script, its own stylesheet only (by its digest).
 * In the file itself (read from a disk, it has no headers) and in `_headers` for the folder the site
 * publishes these files in, which the site's own policy does not cover (it allows no style in a page).
 */
export const STORY_FILE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STORY_FILE_CSS).digest('base64')}'; base-uri 'none'; form-action 'none'`;
