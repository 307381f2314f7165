import type { APIRoute, GetStaticPaths } from 'astro';
import { pictureResponse } from '../../../../astro/files.ts';
import { getPictureRoutes } from '../../../../astro/pages.ts';
import type { PicturePageProps } from '../../../../lib/site/routes.ts';

export const getStaticPaths = (() => getPictureRoutes()) satisfies GetStaticPaths;

/**
 * A WebP copy of a picture next to bulletins. Its key is the picture's digest and the copy's
 * settings, so a build makes only the copies of new pictures.
 */
export const GET: APIRoute<PicturePageProps> = ({ props }) => pictureResponse(props);
