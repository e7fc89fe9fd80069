// Server-path imports read only regular files inside VIGIL_IMPORT_DIR, checked on the real path (symlinks resolved)
// and opened once, so what was checked is what is read. Errors name the setting, never the file's content.
import fs from 'node:fs';
import path from 'node:path';
import { envNow } from '../platform/env';
import { ApiError } from '../platform/http';

const SETTING = 'VIGIL_IMPORT_DIR';

export const pathNotAllowed = (why: string) =>
  new ApiError(400, 'path_not_allowed', `${why} Server-path imports read only regular files inside the import directory (${SETTING}); give a path relative to it, such as fraudTest.csv.`, { path: [`Not inside the import directory (${SETTING}).`] });

/** The import directory as an absolute real path, created if missing. */
export async function importDir(): Promise<string> {
  const dir = path.resolve(envNow('VIGIL_IMPORT_DIR'));
  await fs.promises.mkdir(dir, { recursive: true });
  return fs.promises.realpath(dir);
}

const inside = (root: string, candidate: string) => {
  const rel = path.relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/** A short, printable form of the requested path for messages (it is the caller's own input). */
const shown = (input: string) => JSON.stringify(input.length > 120 ? `${input.slice(0, 117)}...` : input);

export interface ImportFile { file: string; size: number; fd: fs.promises.FileHandle }

/**
 * Resolves `input` (relative to the import directory, or absolute inside it) to an open regular file.
 * The lexical check runs before any file-system access, so paths outside are refused without revealing
 * whether they exist; the real-path check then refuses symlinks that lead out.
 */
export async function openImportFile(input: string): Promise<ImportFile> {
  if (input.includes('\0')) throw pathNotAllowed('The path contains a NUL character.');
  const configured = path.resolve(envNow('VIGIL_IMPORT_DIR'));
  const root = await importDir();
  const candidate = path.resolve(root, input);
  if (!inside(root, candidate) && !inside(configured, candidate)) throw pathNotAllowed(`${shown(input)} is outside the import directory.`);

  const real = await fs.promises.realpath(candidate).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
    throw pathNotAllowed(`${shown(input)} cannot be read (${err.code ?? 'error'}).`);
  });
  if (real === null) throw new ApiError(400, 'file_not_found', `There is no file ${shown(input)} in the import directory (${SETTING}).`, { path: ['File not found in the import directory.'] });
  if (!inside(root, real)) throw pathNotAllowed(`${shown(input)} leads outside the import directory (through a symbolic link).`);

  // lstat before opening: opening a FIFO would block; O_NOFOLLOW and fstat close the gap between check and open.
  const before = await fs.promises.lstat(real).catch(() => null);
  if (!before?.isFile()) throw pathNotAllowed(`${shown(input)} is not a regular file.`);
  const fd = await fs.promises.open(real, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK).catch(() => {
    throw pathNotAllowed(`${shown(input)} cannot be opened.`);
  });
  const stat = await fd.stat();
  if (!stat.isFile() || stat.ino !== before.ino || stat.dev !== before.dev) {
    await fd.close();
    throw pathNotAllowed(`${shown(input)} changed while it was being opened.`);
  }
  return { file: real, size: stat.size, fd };
}
