/**
 * The audit page's texts (src/audit/strings.ts) come from the real messages of public/_locales, looked up
 * when the page draws: English as the e2e tests and the README quote it, Spanish for a Spanish browser, plurals
 * and dates by the UI language; verdict and reason codes stay codes wherever they are data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_STRINGS as S } from '../../src/audit/strings.ts';
import type { Tally } from '../../src/audit/rows.ts';
import { resetMessages, useMessages } from './i18n-helper.ts';

const DONE: Tally = { links: 6, checked: 6, dead: 2, moved: 1, unverified: 0, alive: 3 };
const WAITING: Tally = { links: 6, checked: 5, dead: 1, moved: 1, unverified: 0, alive: 3 };

afterEach(resetMessages);

describe('the audit page’s texts', () => {
  it('are looked up when drawn, not when the module loads', () => {
    resetMessages();
    expect(() => S.heading()).toThrow(/setMessageSource/);
    useMessages('en');
    expect(S.heading()).toBe('Link audit');
  });

  it('read in English', () => {
    useMessages('en', 'en-US');
    expect(S.documentTitle('County support groups')).toBe('Link audit: County support groups');
    expect(S.summary(DONE)).toBe('6 links: 2 dead, 1 moved, 0 unverified, 3 alive');
    expect(S.summary(WAITING)).toBe('6 links: 1 dead, 1 moved, 0 unverified, 3 alive (1 still being checked)');
    expect(S.summary({ links: 1, checked: 1, dead: 0, moved: 0, unverified: 0, alive: 1 })).toBe(
      '1 link: 0 dead, 0 moved, 0 unverified, 1 alive',
    );
    expect([S.shown(2, 6), S.shown(1, 1)]).toEqual(['2 of 6 links shown', '1 of 1 link shown']);
    expect(S.exportHint(3, 'resources', 0)).toBe(
      'Exports 3 checked links to mutual-aid resources, in the same form as the command line’s audit',
    );
    expect(S.exportHint(1, 'all', 2)).toBe(
      'Exports 1 checked link, in the same form as the command line’s audit; 2 still being checked are left out',
    );
    expect([S.filterVerdict(), S.column('verdict'), S.sortBy(S.column('url'))]).toEqual([
      'Verdict',
      'Verdict',
      'Sort by Link',
    ]);
    expect([
      S.verdict('dead'),
      S.status('checking'),
      S.status('not-yet'),
      S.reason('not-found'),
      S.reason('some-new-code'),
    ]).toEqual(['dead', 'still checking', 'not checked yet', 'Not found', 'some-new-code']);
    // Dates in the messages' locale (en-GB's unambiguous day first), in UTC as the exports write them.
    expect(S.checkedAt('2026-11-28T10:05:00.000Z')).toBe('checked 28 Nov 2026, 10:05 UTC');
    expect(S.checkedBy('Champaign County Behavioral Health', '2026-11-28T10:05:00.000Z')).toBe(
      'checked by Champaign County Behavioral Health 28 Nov 2026, 10:05 UTC',
    );
    expect(S.archived('20080513062455')).toBe('archived copy from 13 May 2008');
    expect([S.httpStatus(404), S.httpStatus(null), S.position(3), S.positionLabel(3)]).toEqual([
      'HTTP 404',
      'no answer',
      '#3',
      'link 3 on the page',
    ]);
  });

  it('read in Spanish, with Spanish plurals and dates', () => {
    useMessages('es', 'es-MX');
    expect(S.language()).toBe('es-MX');
    expect([S.heading(), S.filterVerdict(), S.anyVerdict(), S.column('replacement')]).toEqual([
      'Revisión de enlaces',
      'Resultado',
      'todos los resultados',
      'Reemplazo sugerido',
    ]);
    expect(S.summary(DONE)).toBe('6 enlaces: 2 rotos, 1 se mudó, 0 sin verificar y 3 funcionan');
    expect(S.summary(WAITING)).toBe(
      '6 enlaces: 1 roto, 1 se mudó, 0 sin verificar y 3 funcionan (falta 1 por verificar)',
    );
    expect(S.shown(2, 6)).toBe('Mostrando 2 de 6 enlaces');
    expect(S.exportHint(1, 'all', 2)).toBe(
      'Exporta 1 enlace verificado, en el mismo formato que el comando audit de la línea de comandos; se omiten 2 que aún se están verificando',
    );
    expect([
      S.verdict('dead'),
      S.verdict('moved'),
      S.verdict('unverified'),
      S.verdict('alive'),
      S.reason('not-found'),
    ]).toEqual(['roto', 'se mudó', 'sin verificar', 'funciona', 'no encontrado']);
    expect(S.checkedAt('2026-11-28T10:05:00.000Z')).toBe('verificado el 28 nov 2026, 10:05 UTC');
    expect(S.checkedBy('Champaign County Behavioral Health', '2026-11-28T10:05:00.000Z')).toBe(
      'verificado por Champaign County Behavioral Health el 28 nov 2026, 10:05 UTC',
    );
    expect(S.archived('20080513062455')).toBe('copia archivada del 13 may 2008');
  });
});
