/**
 * Options from a file, as linkinator.config.json and lychee.toml give them: `still-there.config.json` in the folder
 * the command runs in, or the file `--config` names. One JSON object of options by the names they have on the
 * command line, for both commands (a command uses the ones it takes). Options typed on the command line win; a
 * repeatable option typed there replaces the file's list. A key no command takes is refused with the nearest one.
 */
import { readFile } from 'node:fs/promises';
import {
  COMMANDS,
  nearestOption,
  OPTIONS,
  optionNames,
  UsageError,
  type Command,
  type OptionSpec,
  type OptionValues,
} from './args.ts';

export const CONFIG_FILE = 'still-there.config.json';
/** A config file is a few lines; anything this large is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface Config {
  /** The file read, as named (null: none). */
  file: string | null;
  values: OptionValues;
}

/**
 * The options of `command` from the file --config names, or from still-there.config.json when it is here; an empty
 * config when neither is.
 */
export async function readConfig(command: Command, given: string | undefined): Promise<Config> {
  const file = given ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (given === undefined && code === 'ENOENT') return { file: null, values: {} };
    throw new UsageError(
      `cannot read the config file ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`,
    );
  }
  if (text.length > MAX_CONFIG_BYTES) throw new UsageError(`${file} is too large to be a config file`);
  return { file, values: configValues(text, command, file) };
}

/** The options the file's text gives `command`; a usage error naming the file for anything wrong in it. */
export function configValues(text: string, command: Command, file: string): OptionValues {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new UsageError(`${file} should hold one JSON object of options, such as {"recurse": true}`);
  const specs: Record<string, OptionSpec> = OPTIONS;
  const known = COMMANDS.flatMap((c) => optionNames(c)).filter((name) => !specs[name]!.commandLineOnly);
  const values: OptionValues = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const spec = specs[key];
    if (!spec || spec.commandLineOnly) {
      const near = nearestOption(key, [...new Set(known)]);
      throw new UsageError(
        `${file}: unknown option "${key}"${near ? `; did you mean "${near}"?` : ''}${spec ? ' (it is for the command line)' : ''}`,
      );
    }
    if (!spec.for.includes(command)) continue; // an option of the other command: the file serves both
    values[key] = typed(value, key, spec, file);
  }
  return values;
}

function typed(value: unknown, key: string, spec: OptionSpec, file: string): string | boolean | string[] {
  const wrong = (wanted: string) => new UsageError(`${file}: "${key}" wants ${wanted}, got ${JSON.stringify(value)}`);
  if (spec.type === 'boolean') {
    if (typeof value !== 'boolean') throw wrong('true or false');
    return value;
  }
  const text = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    throw wrong(spec.multiple ? 'a list of strings' : 'a string');
  };
  if (spec.multiple) return Array.isArray(value) ? value.map(text) : [text(value)];
  return text(value);
}

/** The options a command runs with: the file's, then the command line's over them. */
export function withConfig(config: Config, flags: OptionValues): OptionValues {
  const merged: OptionValues = { ...config.values };
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) merged[key] = value;
  return merged;
}
