/// <reference types="astro/client" />
import type { Strings } from './lib/strings';

declare global {
  namespace App {
    interface Locals {
      /** A page about a story told in another language sets the words and locale of that language for its components (src/lib/site.ts). */
      dateline?: { ui: Strings; locale: string; lang: string };
    }
  }
}

export {};
