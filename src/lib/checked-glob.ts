import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

/** One stored entry, in the shape the integrity checks read. */
export interface StoredEntry {
  id: string;
  filePath: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * The glob loader plus a whole-collection check that runs during content sync, before
 * Astro renders or writes anything: a failing check stops `astro build` with its messages.
 */
export function checkedGlob(
  options: GlobOptions,
  check: (entries: StoredEntry[]) => string[] | Promise<string[]>,
): Loader {
  // Ids are the file path without extension ("zh/proposals"): the default would use the
  // frontmatter slug, which the two languages share, so one would overwrite the other.
  const inner = glob({ generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''), ...options });
  return {
    name: 'checked-glob',
    async load(context: LoaderContext) {
      await inner.load(context);
      const entries = context.store.values().map((entry) => ({
        id: entry.id,
        filePath: entry.filePath ?? entry.id,
        data: entry.data,
        body: entry.body ?? '',
      }));
      const problems = await check(entries);
      if (problems.length > 0) {
        throw new Error(
          `Content integrity check failed for "${context.collection}":\n  - ${problems.join('\n  - ')}`,
        );
      }
    },
  };
}
