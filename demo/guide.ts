/**
 * The demo's resource page: our own page, modelled on the kind of mutual-aid guide a behavioural-health project
 * published around 2000–2007, carrying the links such a guide would have carried — old domains, deep links to
 * pamphlets and meeting lists — which the simulated web plays in their real-world states today.
 */
export const GUIDE_HOST = 'www.mutual-aid-guide.org';

interface Entry {
  name: string;
  about: string;
  url: string;
}

const SECTIONS: Array<{ title: string; entries: Entry[] }> = [
  {
    title: 'Twelve-step fellowships',
    entries: [
      {
        name: 'Alcoholics Anonymous: find a meeting',
        about: 'The General Service Office lists local meetings and intergroups.',
        url: 'https://www.aa.org/find-aa',
      },
      {
        name: 'Big Book, chapter 4: "We Agnostics"',
        about: 'The chapter often suggested to newcomers who doubt the spiritual language.',
        url: 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf',
      },
      {
        name: 'Narcotics Anonymous meeting search',
        about: 'NA World Services, Van Nuys, California.',
        url: 'https://www.na.org/meetingsearch/',
      },
      {
        name: 'Emotions Anonymous meetings',
        about: 'A twelve-step fellowship for emotional health.',
        url: 'https://emotionsanonymous.org/meetings/',
      },
      {
        name: 'Jewish Alcoholics, Chemically Dependent Persons and Significant Others (JACS)',
        about: 'Retreats and twelve-step support for Jewish people in recovery, New York.',
        url: 'http://www.jacsweb.org/',
      },
    ],
  },
  {
    title: 'Mental-health self-help',
    entries: [
      {
        name: 'NAMI: support groups',
        about: 'Peer-led support groups for people living with mental illness and their families.',
        url: 'https://www.nami.org/Support-Education/Support-Groups',
      },
      {
        name: 'Obsessive Compulsive Foundation',
        about: 'Education and support for people with OCD.',
        url: 'http://www.ocfoundation.org/',
      },
      {
        name: 'Obsessive Compulsive Foundation: hoarding',
        about: 'A fact sheet on compulsive hoarding.',
        url: 'http://www.ocfoundation.org/EO_Hoarding.aspx',
      },
      { name: 'National Mental Health Association', about: 'Find an affiliate near you.', url: 'http://www.nmha.org/' },
      {
        name: 'Recovery, Inc.',
        about: 'Self-help groups using the Abraham Low method.',
        url: 'http://www.recovery-inc.org/',
      },
      {
        name: 'GROW: find a group',
        about: 'Peer support groups for mental health, strong in Illinois.',
        url: 'https://growinamerica.org/find-a-group/',
      },
      {
        name: 'Self-help group directory',
        about: 'A national directory of self-help groups.',
        url: 'http://www.selfhelpgroups.org/',
      },
    ],
  },
  {
    title: 'Finding help today',
    entries: [
      {
        name: 'SMART Recovery: full list of local meetings',
        about: 'Science-based addiction recovery support groups.',
        url: 'https://www.smartrecovery.org/local/full-meeting-list-by-state.php',
      },
      {
        name: 'Therapist and support group finder',
        about: 'A commercial directory that also lists support groups.',
        url: 'https://www.psychologytoday.com/us/groups/new-jersey',
      },
      {
        name: 'Recovery International',
        about: 'The successor of Recovery, Inc.',
        url: 'https://www.recoveryinternational.org/',
      },
      {
        name: 'Mental Health America fact sheets',
        about: 'Printable fact sheets for clients.',
        url: 'https://mhanational.org/issues/mental-health-america-printable-factsheets',
      },
    ],
  },
];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export const GUIDE_URLS: string[] = SECTIONS.flatMap((s) => s.entries.map((e) => e.url));

export function guidePage(): string {
  const sections = SECTIONS.map(
    (s) =>
      `<h2>${escapeHtml(s.title)}</h2><ul>${s.entries.map((e) => `<li><a href="${escapeHtml(e.url)}">${escapeHtml(e.name)}</a> — ${escapeHtml(e.about)}</li>`).join('\n')}</ul>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A guide to mutual-aid groups</title>
<style>body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.7rem}li{margin:.45rem 0}.note{background:#f4f1e8;padding:.6rem .9rem;border-left:4px solid #b59f5b}</style>
</head><body><h1>A guide to mutual-aid groups</h1>
<p class="note">Some of these links may no longer work. Links struck through were not there when last checked; you may still try them, or use the archived copy beside them.</p>
${sections}
</body></html>`;
}
