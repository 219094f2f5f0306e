import { glob, type Loader } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

/** A content entry as the checks read it: `<lang>/<file name>` (or `<lang>`), its file, data and MDX body. */
export interface ContentEntry<Data> {
  id: string;
  /** Path of the source file relative to the project root, for messages. */
  filePath: string;
  data: Data;
  body: string;
}

/** The message of a collection whose content fails its checks, or undefined. */
export function contentFailure(collection: string, problems: readonly string[]): string | undefined {
  if (problems.length === 0) return undefined;
  return `Content integrity check failed for "${collection}":\n  - ${problems.join('\n  - ')}`;
}

/**
 * The glob loader plus a whole-collection check that runs during content sync, before Astro
 * renders or writes anything: a failing check stops `astro build` (and `astro sync`) with its
 * messages. In `astro dev` the glob loader reloads an edited file by itself, so the pages run the
 * same checks as they read the content (src/data/report.ts).
 */
export function checkedGlob<Data>(
  options: GlobOptions,
  check: (entries: ContentEntry<Data>[]) => string[] | Promise<string[]>,
): Loader {
  // Ids are the file path without extension ("zh/<slug>"): the default would use the
  // frontmatter slug, which the two languages share, so one would overwrite the other.
  const inner = glob({ generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''), ...options });
  return {
    name: 'checked-glob',
    async load(context) {
      await inner.load(context);
      const entries = context.store.values().map((entry) => ({
        id: entry.id,
        filePath: entry.filePath ?? entry.id,
        // The store holds what the collection's schema has parsed.
        data: entry.data as Data,
        body: entry.body ?? '',
      }));
      const failure = contentFailure(context.collection, await check(entries));
      if (failure) throw new Error(failure);
    },
  };
}
