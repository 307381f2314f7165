import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthorPhotoRoutes } from '../../../astro/pages.ts';
import { MAX_STORY_FILE_BYTES } from '../../../lib/content/files.ts';
import { readRegularFile } from '../../../lib/content/read.ts';
import type { StoryFilePageProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() =>
  getAuthorPhotoRoutes().map((r) => ({
    ...r,
    params: { name: r.params.name },
  }))) satisfies GetStaticPaths;

/** An author's photo (`content/authors/<name>`), as it is, read without following a link. */
export const GET: APIRoute<StoryFilePageProps> = ({ props }) =>
  new Response(readRegularFile(resolve(props.file), MAX_STORY_FILE_BYTES), {
    headers: { 'content-type': props.type },
  });
