/** Values Vite defines in the pages' code (src/integrations/security-headers.ts). */
interface ImportMetaEnv {
  /** `true` only in pages `astro dev` renders: the editor's preview. */
  readonly LEGAL_DEV_SERVER?: boolean;
}
