/**
 * The command line's one table of options (src/cli/args.ts), the config file under it (config-file.ts), --fail-on's
 * arithmetic and the command line as a report shows it (output-options.ts).
 */
import { describe, expect, it } from 'vitest';
import { duration, optionNames, optionsHelp, parse, UsageError } from '../../src/cli/args.ts';
import { configValues, withConfig } from '../../src/cli/config-file.ts';
import { commandLine, parseFailOn } from '../../src/cli/output-options.ts';

describe('the config file', () => {
  const read = (json: string, command: 'check' | 'audit' = 'audit') =>
    configValues(json, command, 'still-there.config.json');

  it('takes every option by its command-line name, lists for repeatable ones, numbers as strings', () => {
    expect(read('{"recurse": true, "exclude": ["/login", "calendar"], "timeout": 3000, "fail-on": "moved"}')).toEqual({
      recurse: true,
      exclude: ['/login', 'calendar'],
      timeout: '3000',
      'fail-on': 'moved',
    });
    // One string for a repeatable option is a list of one.
    expect(read('{"header": "example.org=X-Key: 1"}')).toEqual({ header: ['example.org=X-Key: 1'] });
  });

  it('serves both commands: an option the other command takes is left to it', () => {
    expect(read('{"recurse": true, "timeout": 5}', 'check')).toEqual({ timeout: '5' });
  });

  it('refuses an unknown key with the nearest valid one, and options only the command line takes', () => {
    expect(() => read('{"recurce": true}')).toThrow(/unknown option "recurce"; did you mean "recurse"\?/);
    expect(() => read('{"exlude": ["x"]}')).toThrow(/did you mean "exclude"\?/);
    expect(() => read('{"config": "other.json"}')).toThrow(/unknown option "config".*\(it is for the command line\)/);
    expect(() => read('{"frobnicate": 1}')).toThrow(/unknown option "frobnicate"$/);
  });

  it('refuses values of the wrong kind, and anything but one object', () => {
    expect(() => read('{"recurse": "yes"}')).toThrow(/"recurse" wants true or false, got "yes"/);
    expect(() => read('{"exclude": [1, {}]}')).toThrow(/"exclude" wants a list of strings/);
    expect(() => read('{"timeout": null}')).toThrow(/"timeout" wants a string/);
    expect(() => read('[]')).toThrow(/one JSON object of options/);
    expect(() => read('{"recurse": true,}')).toThrow(UsageError);
  });

  it('the command line wins, a repeatable option typed replaces the list, and --no- turns a switch off', () => {
    const file = {
      file: 'still-there.config.json',
      values: read('{"recurse": true, "exclude": ["a"], "format": "md"}'),
    };
    const typed = parse(['https://x.org/', '--no-recurse', '--exclude', 'b', '--format', 'json'], 'audit').values;
    expect(withConfig(file, typed)).toMatchObject({ recurse: false, exclude: ['b'], format: 'json' });
    expect(withConfig(file, parse(['https://x.org/'], 'audit').values)).toMatchObject({
      recurse: true,
      exclude: ['a'],
    });
  });
});

describe('parsing', () => {
  it('tells an option of the other command from a typo', () => {
    expect(() => parse(['--recurse'], 'check')).toThrow(/--recurse is an option of still-there audit, not of check/);
    expect(() => parse(['--recurs'], 'audit')).toThrow(/unknown option --recurs; did you mean --recurse\?/);
  });

  it('--no-archive turns the archive off, as it always did', () => {
    expect(parse(['--no-archive'], 'check').values.archive).toBe(false);
  });

  it('reads durations as editors write them', () => {
    expect(duration('90s', '--max-time')).toBe(90_000);
    expect(duration('30m', '--max-time')).toBe(1_800_000);
    expect(duration('1h30m', '--max-time')).toBe(5_400_000);
    expect(duration('45', '--max-time')).toBe(45_000);
    expect(() => duration('soon', '--max-time')).toThrow(/--max-time wants a time such as 90s, 30m or 2h/);
    expect(() => duration('0s', '--max-time')).toThrow(UsageError);
  });
});

describe('help', () => {
  it('lists every option of a command, and at the top level every option of both, marked when one takes it alone', () => {
    const all = optionsHelp(null);
    for (const name of [...optionNames('check'), ...optionNames('audit')])
      expect(all, name).toContain(name === 'archive' ? '--no-archive' : `--${name}`);
    const block = (name: string) => all.split(/\n(?= +-)/).find((b) => b.trimStart().startsWith(name)) ?? '';
    expect(block('--recurse')).toContain('[audit]');
    expect(block('--exclude ')).not.toContain('[audit]');
    expect(optionsHelp('check')).not.toContain('--recurse');
    for (const line of all.split('\n')) expect(line.length, line).toBeLessThanOrEqual(116);
  });
});

describe('--fail-on', () => {
  const of = (v?: string) => {
    const f = parseFailOn(v);
    return { verdicts: [...f.verdicts].sort(), newDead: f.newDead };
  };

  it('adds to the default, dead, rather than replacing it', () => {
    expect(of()).toEqual({ verdicts: ['dead'], newDead: false });
    expect(of('moved')).toEqual({ verdicts: ['dead', 'moved'], newDead: false });
    expect(of('moved,unverified')).toEqual({ verdicts: ['dead', 'moved', 'unverified'], newDead: false });
  });

  it('none resets it; new-dead narrows dead to the newly dead', () => {
    expect(of('none')).toEqual({ verdicts: [], newDead: false });
    expect(of('none,moved')).toEqual({ verdicts: ['moved'], newDead: false });
    expect(of('new-dead')).toEqual({ verdicts: [], newDead: true });
    expect(of('new-dead,moved')).toEqual({ verdicts: ['moved'], newDead: true });
    expect(of('new-dead,dead')).toEqual({ verdicts: ['dead'], newDead: true });
  });

  it('refuses anything else', () => {
    expect(() => parseFailOn('alive')).toThrow(/--fail-on wants dead, moved, unverified, new-dead or none/);
    expect(() => parseFailOn('')).toThrow(UsageError);
  });
});

describe('the command line in a report', () => {
  it('leaves out every --header value, in both forms, and passwords in addresses', () => {
    const shown = commandLine('audit', [
      'https://editor:hunter2@directory.example.org/',
      '--header',
      'directory.example.org=Authorization: Bearer s3cret',
      '--header=directory.example.org=X-Key: k3y',
    ]);
    expect(shown).not.toMatch(/s3cret|k3y|hunter2/);
    expect(shown).toBe(
      "still-there audit https://directory.example.org/ --header 'directory.example.org=Authorization: …' '--header=directory.example.org=X-Key: …'",
    );
    expect(commandLine('audit', ['x'], 'still-there.config.json')).toBe(
      'still-there audit x (with the options of still-there.config.json)',
    );
  });
});
