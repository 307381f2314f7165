import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse } from '../../../astro/files.ts';
import { getAuthorPhotoRoutes } from '../../../astro/pages.ts';
import type { StoryFilePageProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() =>
  getAuthorPhotoRoutes().map((r) => ({
    ...r,
    params: { name: r.params.name },
  }))) satisfies GetStaticPaths;

/** An author's photo (`content/authors/<name>`), as it is. */
export const GET: APIRoute<StoryFilePageProps> = ({ props }) => fileResponse(props);
