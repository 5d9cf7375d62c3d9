/**
 * The words of a mark — its description, the archive and new-home links, the phone note — from the real message
 * files, in English and in Spanish, with dates in the UI language, whatever the page's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkVerdict } from '../../src/messages.ts';
import {
  archiveLinkText,
  describeVerdict,
  formatDay,
  formatMonth,
  newHomeText,
  reasonText,
} from '../../src/words/describe.ts';
import { phoneNoteTexts } from '../../src/page-marker/phone-note.ts';
import { resetMessages, useMessages } from './i18n-helper.ts';

function verdict(over: Partial<LinkVerdict>): LinkVerdict {
  return {
    url: 'http://www.ndmda.org/groups',
    verdict: 'dead',
    reason: 'not-found',
    detail: '',
    status: 404,
    finalUrl: null,
    newHome: null,
    archive: null,
    checkedAt: '2026-11-28T15:04:05.000Z',
    stale: false,
    ...over,
  } as LinkVerdict;
}

const DEAD = verdict({
  archive: {
    url: 'https://web.archive.org/web/20080613000000/http://www.ndmda.org/groups',
    timestamp: '20080613000000',
  },
  newHome: 'https://www.dbsalliance.org/',
});
const MOVED = verdict({
  verdict: 'moved',
  reason: 'moved',
  status: 301,
  finalUrl: 'https://iocdf.org/about',
  newHome: 'https://iocdf.org/',
});
const ALIVE = verdict({ verdict: 'alive', reason: 'ok', status: 200 });
const UNVERIFIED = verdict({ verdict: 'unverified', reason: 'bot-wall', status: 403 });

afterEach(resetMessages);

describe('in English (the default)', () => {
  it('describes a dead link: reason, status, day checked, archive month, new home', () => {
    useMessages('en', 'en-US');
    expect(describeVerdict(DEAD)).toBe(
      'Not found (404) when checked on 28 Nov 2026. Archived copy from June 2008. The organisation is now at dbsalliance.org. You may still try the link.',
    );
  });

  it('describes moved, working and unverified links', () => {
    useMessages('en', 'en-US');
    expect(describeVerdict(MOVED)).toBe('Moved to iocdf.org when checked on 28 Nov 2026.');
    expect(describeVerdict(ALIVE)).toBe('Working when checked on 28 Nov 2026.');
    expect(describeVerdict(UNVERIFIED)).toBe(
      'The site blocks automatic checks; it may work for you (403) when checked on 28 Nov 2026.',
    );
  });

  it('says who checked when the verdict came from a subscribed feed', () => {
    useMessages('en', 'en-US');
    const by = 'Champaign County Behavioral Health';
    expect(describeVerdict({ ...DEAD, checkedBy: by })).toBe(
      'Not found (404) when checked by Champaign County Behavioral Health on 28 Nov 2026. Archived copy from June 2008. The organisation is now at dbsalliance.org. You may still try the link.',
    );
    expect(describeVerdict({ ...MOVED, checkedBy: by })).toBe(
      'Moved to iocdf.org when checked by Champaign County Behavioral Health on 28 Nov 2026.',
    );
    useMessages('es', 'es-MX');
    expect(describeVerdict({ ...ALIVE, checkedBy: by })).toMatch(
      /^Comprobado por Champaign County Behavioral Health el 28 nov 2026: /,
    );
  });

  it('writes the inserted links’ words', () => {
    useMessages('en');
    expect(archiveLinkText('20080613000000')).toBe('archived 2008');
    expect(newHomeText('https://www.dbsalliance.org/')).toBe('now at dbsalliance.org');
  });

  it('writes the phone note', () => {
    useMessages('en');
    expect(
      phoneNoteTexts(
        { listed: '(800) 826-3632', printed: '(800) 826-3600' },
        { name: 'Depression and Bipolar Support Alliance', verified: '2026-11-01' },
      ),
    ).toEqual({
      description:
        'The directory lists (800) 826-3632 for Depression and Bipolar Support Alliance, verified 1 Nov 2026; this page says (800) 826-3600.',
      label: '☎ directory: (800) 826-3632',
    });
  });

  it('shows an unknown reason code as it is', () => {
    useMessages('en');
    expect(reasonText('some-new-reason')).toBe('some-new-reason');
    expect(reasonText('toString')).toBe('toString');
  });
});

describe('in Spanish', () => {
  it('describes a dead link with the date in Spanish', () => {
    useMessages('es', 'es-MX');
    expect(describeVerdict(DEAD)).toBe(
      'Comprobado el 28 nov 2026: no encontrado (404). Copia archivada de junio de 2008. La organización ahora está en dbsalliance.org. Aún puede intentar abrir el enlace.',
    );
  });

  it('describes moved, working and unverified links', () => {
    useMessages('es', 'es-US');
    expect(describeVerdict(MOVED)).toBe('Comprobado el 28 nov 2026: se mudó a iocdf.org.');
    expect(describeVerdict(ALIVE)).toBe('Comprobado el 28 nov 2026: funciona.');
    expect(describeVerdict(UNVERIFIED)).toBe(
      'Comprobado el 28 nov 2026: el sitio bloquea las verificaciones automáticas; puede que a usted le funcione (403).',
    );
  });

  it('writes the inserted links’ words', () => {
    useMessages('es');
    expect(archiveLinkText('20080613000000')).toBe('archivado en 2008');
    expect(newHomeText('https://www.dbsalliance.org/')).toBe('ahora en dbsalliance.org');
  });

  it('writes the phone note', () => {
    useMessages('es', 'es-419');
    expect(
      phoneNoteTexts(
        { listed: '(800) 826-3632', printed: '(800) 826-3600' },
        { name: 'Depression and Bipolar Support Alliance', verified: '2026-11-01' },
      ),
    ).toEqual({
      description:
        'El directorio indica (800) 826-3632 para Depression and Bipolar Support Alliance (verificado el 1 nov 2026); esta página dice (800) 826-3600.',
      label: '☎ directorio: (800) 826-3632',
    });
  });

  it('has words for every reason code the engine gives', () => {
    useMessages('es');
    const codes = [
      'ok',
      'moved',
      'not-found',
      'gone',
      'no-such-domain',
      'soft-404',
      'parked',
      'redirect-loop',
      'server-error',
      'timeout',
      'reset',
      'refused',
      'dns-error',
      'bot-wall',
      'rate-limited',
      'forbidden',
      'login-required',
      'tls-error',
      'needs-cookies',
      'cannot-tell',
      'bad-response',
      'offline',
      'not-web-link',
      'private-address',
      'invalid-url',
    ];
    for (const code of codes) expect(reasonText(code), code).not.toBe(code);
  });

  it('takes the browser’s UI language for dates, not the page’s, and a reported English UI does not leak into Spanish text', () => {
    // Headless Chromium without locale files reports en-US while serving the Spanish messages.
    useMessages('es', 'en-US');
    expect([formatDay('2026-11-28T10:00:00Z'), formatMonth('20080613000000')]).toEqual([
      '28 nov 2026',
      'junio de 2008',
    ]);
    expect(formatDay('not a date')).toBe('');
    expect(formatMonth('garbage')).toBe('');
  });
});
