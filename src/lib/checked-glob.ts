import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];
type Watcher = NonNullable<LoaderContext['watcher']>;

/** One stored entry, in the shape the integrity checks read. */
export interface StoredEntry {
  id: string;
  filePath: string;
  data: Record<string, unknown>;
  body: string;
}

// Shared through globalThis because the loader and the pages that read content are loaded as
// separate module instances (the content layer and Vite's SSR graph) in one process.
const FAILURES = Symbol.for('report.contentIntegrity');
type Failures = Map<string, string>;
const failures = (): Failures =>
  ((globalThis as Record<symbol, unknown>)[FAILURES] ??= new Map<string, string>()) as Failures;

/** The message of every collection whose content currently fails its checks, or undefined. */
export function integrityFailure(): string | undefined {
  const messages = [...failures().values()];
  return messages.length > 0 ? messages.join('\n') : undefined;
}

/**
 * A watcher whose handlers run the collection's checks after the glob loader has stored an
 * edited file: the glob loader reloads single files itself, which would skip the checks.
 */
function checkingWatcher(watcher: Watcher, recheck: () => Promise<void>): Watcher {
  const on = (event: string, handler: (...args: unknown[]) => unknown) =>
    watcher.on(event, async (...args: unknown[]) => {
      await handler(...args);
      await recheck();
    });
  return new Proxy(watcher, {
    get(target, property) {
      if (property === 'on') return on;
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The glob loader plus a whole-collection check that runs during content sync, before Astro
 * renders or writes anything — a failing check stops `astro build` with its messages — and
 * again on every edit in `astro dev`, where pages then show the messages in the error overlay.
 */
export function checkedGlob(
  options: GlobOptions,
  check: (entries: StoredEntry[]) => string[] | Promise<string[]>,
): Loader {
  // Ids are the file path without extension ("zh/<slug>"): the default would use the
  // frontmatter slug, which the two languages share, so one would overwrite the other.
  const inner = glob({ generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''), ...options });
  return {
    name: 'checked-glob',
    async load(context: LoaderContext) {
      const run = async () => {
        const entries = context.store.values().map((entry) => ({
          id: entry.id,
          filePath: entry.filePath ?? entry.id,
          data: entry.data,
          body: entry.body ?? '',
        }));
        const problems = await check(entries);
        if (problems.length === 0) {
          failures().delete(context.collection);
          return;
        }
        const message = `Content integrity check failed for "${context.collection}":\n  - ${problems.join('\n  - ')}`;
        failures().set(context.collection, message);
        return message;
      };
      const watcher =
        context.watcher &&
        checkingWatcher(context.watcher, async () => {
          const message = await run();
          if (message) context.logger.error(message);
          else context.logger.info('content checks pass');
        });
      await inner.load(watcher ? { ...context, watcher } : context);
      const message = await run();
      if (message) throw new Error(message);
    },
  };
}
