import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UsageError } from './usage.error';

/** File name extensions a directory's images are picked by (the formats the engine decodes), lower case. */
export const IMAGE_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.bmp'];

/** What `expandInputs` found: the files to recognize, in order, and one note per directory entry left out. */
export interface ExpandedInputs {
  files: string[];
  skipped: string[];
}

/**
 * The files to recognize for the command line's paths, in order: a file stands for itself (whatever its name: its
 * bytes decide, and a non-image is answered with its envelope); a directory for its images (by extension, see
 * {@link IMAGE_EXTENSIONS}, case-insensitive), sorted by name in character-code order as `LC_ALL=C ls` sorts, not
 * searched recursively. Everything else in a directory is reported in `skipped`.
 *
 * @throws UsageError for a path that is neither a readable file nor a readable directory, or when no file is left.
 */
export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() && (await readable(path))) {
      const entries = await readdir(path, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = join(path, entry.name);
        // A symbolic link counts as what it points to.
        const isFile =
          entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile());
        if (isFile && IMAGE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push(full);
        else
          skipped.push(`${full} (${isFile ? `not an image file name: ${IMAGE_EXTENSIONS.join(', ')}` : 'not a file'})`);
      }
    } else if (info?.isFile() && (await readable(path))) {
      files.push(path);
    } else {
      throw new UsageError(`not a readable file or directory: ${path}`);
    }
  }
  if (files.length === 0) throw new UsageError(`no image files in ${paths.join(', ')}`);
  return { files, skipped };
}

function readable(path: string): Promise<boolean> {
  return access(path, constants.R_OK).then(
    () => true,
    () => false,
  );
}
