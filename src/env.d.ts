/// <reference types="astro/client" />
import type { Strings } from './lib/site/strings.ts';

declare global {
  namespace App {
    interface Locals {
      /** A page about a story told in another language sets the words and locale of that language for its components (src/astro/site.ts). */
      dateline?: { ui: Strings; locale: string; lang: string };
    }
  }
}

export {};
