/**
 * The bundled directory: the 31 organisations of groups.md's "Contact facts" table, with the old names, domains
 * and URL patterns from its "Renames, moves and closures" table. groups.md is the only source; "—" there is an
 * empty field here. The facts were collected in November 2026 and not re-checked live, which is why the
 * extension keeps checking the websites themselves.
 */
import type { Confidence, Group, GroupKind } from './group.ts';

/** groups.md gives the month only ("November 2026"); the first of it stands for the month. */
const VERIFIED = '2026-11-01';

type Essentials = Pick<Group, 'id' | 'name' | 'kinds' | 'website' | 'source' | 'confidence'>;

/** Empty by default: an absent fact must look absent, not be filled in. */
function group(facts: Essentials & Partial<Group>): Group {
  return {
    formerNames: [],
    acronyms: [],
    otherDomains: [],
    formerDomains: [],
    unconfirmedFormerDomains: [],
    formerUrlPrefixes: [],
    phones: [],
    email: null,
    address: null,
    meetingFinder: null,
    languages: [],
    notes: null,
    crisisTopics: [],
    verified: VERIFIED,
    ...facts,
  };
}

const ADDICTION: GroupKind[] = ['addiction'];
const FAMILY: GroupKind[] = ['family-and-friends'];
const MENTAL_HEALTH: GroupKind[] = ['mental-health'];
const L: Confidence = 'L';

let built: readonly Group[] | null = null;

/**
 * Every group of the directory, built on first use. The content script's first tests on a page (src/page/) read the
 * ready-made cues in quick-cues.generated.ts and need none of it; built at load, the records cost most of a
 * millisecond on every page a clinician opens.
 */
export function allGroups(): readonly Group[] {
  return (built ??= buildGroups());
}

function buildGroups(): readonly Group[] {
  return [
    group({
      id: 'alcoholics-anonymous',
      name: 'Alcoholics Anonymous, General Service Office',
      acronyms: ['AA', 'GSO'],
      kinds: ADDICTION,
      website: 'https://aa.org/',
      // Old guides link the Big Book and pamphlets under /assets/en_US/, which aa.org no longer serves.
      formerUrlPrefixes: ['aa.org/assets/en_US/'],
      phones: [{ number: '(212) 870-3400', label: 'office', confidence: 'M' }],
      address: '475 Riverside Dr, New York NY 10115; mail: Box 459, Grand Central Station, New York NY 10163',
      addressConfidence: 'H',
      meetingFinder: 'https://aa.org/find-aa',
      notes:
        'Meetings also in the Meeting Guide app. Big Book chapter 4 moved from /assets/en_US/en_bigbook_chapt4.pdf to /sites/default/files/2021-11/en_bigbook_chapt4.pdf.',
      source: 'address: AA pamphlet P-11 (2011), H; phone M; old URL pattern: groups.md confirmed patterns',
      confidence: 'M',
    }),
    group({
      id: 'narcotics-anonymous',
      name: 'Narcotics Anonymous World Services',
      acronyms: ['NA'],
      kinds: ADDICTION,
      website: 'https://na.org/',
      phones: [{ number: '(818) 773-9999', label: 'office' }],
      address: 'PO Box 9999, Van Nuys CA 91409; 19737 Nordhoff Pl, Chatsworth CA 91311',
      source: 'NA Way Magazine, Oct 2008',
      confidence: 'M',
    }),
    group({
      id: 'al-anon',
      name: 'Al-Anon Family Groups',
      kinds: FAMILY,
      website: 'https://al-anon.org/',
      otherDomains: ['alateen.org'],
      phones: [{ number: '(888) 425-2666', label: 'meeting-line', confidence: L }],
      address: 'Virginia Beach VA',
      notes: 'Includes Alateen. Street address not confirmed. Headquarters moved from New York to Virginia Beach VA in July 1996.',
      source: 'one third-party list; headquarters move: Virginian-Pilot, 3 Jul 1996',
      confidence: L,
    }),
    group({
      id: 'emotions-anonymous',
      name: 'Emotions Anonymous International',
      kinds: MENTAL_HEALTH,
      website: 'https://emotionsanonymous.org/',
      address: 'St. Paul MN',
      notes: 'About 280 in-person and 120 remote groups (2025).',
      source: 'emotionsanonymous.org FAQ, 2025',
      // groups.md gives no letter here; the source is the group's own page, which its legend calls H.
      confidence: 'H',
    }),
    group({
      id: 'nami',
      name: 'NAMI',
      formerNames: ['National Alliance for the Mentally Ill'],
      acronyms: ['NAMI'],
      kinds: MENTAL_HEALTH,
      website: 'https://nami.org/',
      phones: [
        { number: '1-800-950-6264', label: 'helpline', note: '800-950-NAMI; HelpLine Mon–Fri 10am–10pm ET', confidence: 'H' },
        { number: '62640', label: 'text', note: 'text "helpline" to 62640', confidence: 'H' },
      ],
      address: '4301 Wilson Blvd Ste 300, Arlington VA 22203',
      addressConfidence: L,
      notes: 'Legal name NAMI since 1997; "National Alliance on Mental Illness" from 2005. Earlier address 2107 Wilson Blvd.',
      source: 'HelpLine: nami.org (2022); name history: NAMI; address: one third-party list',
      confidence: 'H',
    }),
    group({
      id: 'dbsa',
      name: 'Depression and Bipolar Support Alliance',
      formerNames: ['National Depressive and Manic-Depressive Association'],
      // groups.md says only "earlier MDA": the acronym is kept, its expansion is not in the source.
      acronyms: ['DBSA', 'NDMDA', 'MDA'],
      kinds: MENTAL_HEALTH,
      website: 'https://dbsalliance.org/',
      unconfirmedFormerDomains: ['ndmda.org'],
      // The old support-group locator on the current domain, still linked from old guides.
      formerUrlPrefixes: ['dbsalliance.org/site/PageServer?pagename=peer_support_group_locator'],
      phones: [
        { number: '(800) 826-3632', label: 'office' },
        { number: '(312) 642-0049', label: 'chapter-services' },
      ],
      address: '55 E Jackson Blvd Ste 490, Chicago IL 60604',
      notes: 'Named NDMDA (earlier MDA) until 9 Aug 2002. Earlier address 730 N Franklin St Ste 501, Chicago 60610.',
      source: 'name change: DBSA history page; Colorado Quarterly, winter 2003; contact facts M',
      confidence: 'M',
    }),
    group({
      id: 'iocdf',
      name: 'International OCD Foundation',
      // The hyphenated spelling is the one the origin guide uses.
      formerNames: ['Obsessive Compulsive Foundation', 'Obsessive-Compulsive Foundation'],
      acronyms: ['IOCDF'],
      kinds: MENTAL_HEALTH,
      website: 'https://iocdf.org/',
      formerDomains: ['ocfoundation.org'],
      phones: [{ number: '(617) 973-5801', label: 'office', confidence: L }],
      address: 'Boston MA',
      notes: 'Renamed from the Obsessive Compulsive Foundation by about 2008. Earlier at 676 State St, New Haven CT 06511.',
      source: 'ocfoundation.org fact sheet (c. 2008)',
      confidence: L, // groups.md: "L/M"
    }),
    group({
      id: 'recovery-international',
      name: 'Recovery International',
      formerNames: ['Recovery, Inc.'],
      kinds: MENTAL_HEALTH,
      website: 'https://recoveryinternational.org/',
      unconfirmedFormerDomains: ['recovery-inc.org'],
      meetingFinder: 'https://recoveryinternational.org/meetings/find-a-meeting/',
      notes:
        'Founded 1937 as Recovery, Inc.; renamed 1 Jan 2007; merged with the Abraham Low Institute 1 Jan 2008; under Abraham Low Self-Help Systems (ALSHS), incorporated 1 Jan 2009.',
      source: 'one third-party list; history: press releases, encyclopedia entries',
      confidence: L,
    }),
    group({
      id: 'grow-in-america',
      name: 'GROW in America',
      kinds: MENTAL_HEALTH,
      website: 'https://growinamerica.org/',
      phones: [{ number: '(217) 352-6989', label: 'office', note: 'GROW in Illinois' }],
      notes: 'The site lists the Illinois groups.',
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'smart-recovery',
      name: 'SMART Recovery (USA)',
      kinds: ADDICTION,
      website: 'https://smartrecovery.org/',
      phones: [{ number: '(440) 951-5357', label: 'office', confidence: L }],
      address: '7304 Mentor Ave Ste F, Mentor OH 44060',
      addressConfidence: L,
      meetingFinder: 'https://meetings.smartrecovery.org/',
      notes: "The street address is from one third-party list; the town, Mentor OH, is on the group's own page.",
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'cocaine-anonymous',
      name: 'Cocaine Anonymous',
      kinds: ADDICTION,
      website: 'https://ca.org/',
      phones: [{ number: '(310) 559-5833', label: 'office', confidence: L }],
      address: 'Los Angeles area',
      meetingFinder: 'https://ca.org/meetings/',
      source: 'one third-party list',
      confidence: L,
    }),
    group({
      id: 'gamblers-anonymous',
      name: 'Gamblers Anonymous',
      kinds: ADDICTION,
      website: 'https://gamblersanonymous.org/',
      phones: [{ number: '(213) 386-8789', label: 'office', confidence: L }],
      meetingFinder: 'https://gamblersanonymous.org/',
      source: 'one third-party list',
      confidence: L,
    }),
    group({
      id: 'overeaters-anonymous',
      name: 'Overeaters Anonymous',
      kinds: ADDICTION,
      website: 'https://oa.org/',
      phones: [{ number: '(505) 891-2664', label: 'office' }],
      address: 'PO Box 44727, Rio Rancho NM 87174-4727',
      // The source names the page ("Find a Meeting") but not its address.
      meetingFinder: 'https://oa.org/',
      notes: 'Meetings: "Find a Meeting" on oa.org.',
      source: 'oa.org FAQ',
      confidence: 'H',
    }),
    group({
      id: 'co-dependents-anonymous',
      name: 'Co-Dependents Anonymous',
      kinds: ['family-and-friends', 'mental-health'],
      website: 'https://coda.org/',
      phones: [
        { number: '(602) 277-7991', label: 'office' },
        { number: '(888) 444-2359', label: 'office' },
      ],
      address: 'PO Box 33577, Phoenix AZ 85067',
      meetingFinder: 'https://coda.org/',
      source: 'CoDA service report, 2016',
      confidence: 'M',
    }),
    group({
      id: 'adult-children-of-alcoholics',
      name: 'Adult Children of Alcoholics & Dysfunctional Families',
      kinds: FAMILY,
      website: 'https://adultchildren.org/',
      formerDomains: ['acawso.org'],
      meetingFinder: 'https://adultchildren.org/',
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'nar-anon',
      name: 'Nar-Anon Family Groups',
      kinds: FAMILY,
      website: 'https://nar-anon.org/',
      meetingFinder: 'https://nar-anon.org/',
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'families-anonymous',
      name: 'Families Anonymous',
      kinds: FAMILY,
      website: 'https://familiesanonymous.org/',
      source: 'one third-party list',
      confidence: L,
    }),
    group({
      id: 'celebrate-recovery',
      name: 'Celebrate Recovery',
      kinds: ADDICTION,
      website: 'https://celebraterecovery.com/',
      address: 'Saddleback Church, Lake Forest CA',
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'women-for-sobriety',
      name: 'Women for Sobriety',
      kinds: ADDICTION,
      website: 'https://womenforsobriety.org/',
      address: 'Quakertown PA',
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'lifering',
      name: 'LifeRing Secular Recovery',
      kinds: ADDICTION,
      website: 'https://lifering.org/',
      meetingFinder: 'https://lifering.org/',
      source: 'one third-party list',
      confidence: L,
    }),
    group({
      id: 'recovery-dharma',
      name: 'Recovery Dharma',
      kinds: ADDICTION,
      website: 'https://recoverydharma.org/',
      // Not a rename: Refuge Recovery split in two and refugerecovery.org is still the other half's, so it is
      // neither a former domain of this group nor a place to send its links.
      notes:
        'One of the two successors of the Refuge Recovery nonprofit after its 2019 split; the other is Refuge Recovery World Services (refugerecovery.org).',
      source: 'contact facts M; split: refugerecovery.org bulletins 2019',
      confidence: 'M',
    }),
    group({
      id: 'dual-recovery-anonymous',
      name: 'Dual Recovery Anonymous',
      kinds: ['addiction', 'mental-health'],
      website: 'https://draonline.org/',
      phones: [{ number: '(877) 883-2332', label: 'office' }],
      address: 'PO Box 8107, Prairie Village KS 66208',
      meetingFinder: 'https://draonline.org/',
      source: 'groups.md contact facts',
      confidence: 'M',
    }),
    group({
      id: 'schizophrenia-alliance',
      name: 'Schizophrenia Alliance',
      formerNames: ['Schizophrenics Anonymous'],
      // SARDAA runs the group; the source names the group by it ("Schizophrenia Alliance (SARDAA)").
      acronyms: ['SARDAA'],
      kinds: MENTAL_HEALTH,
      website: 'https://sardaa.org/',
      // Only the /sa/ section is confirmed as the group's: the rest of nsfoundation.org was its parent's.
      formerUrlPrefixes: ['nsfoundation.org/sa/'],
      meetingFinder: 'https://sardaa.org/',
      notes:
        'Was Schizophrenics Anonymous at nsfoundation.org/sa/; NSF ceased 2007; run by SARDAA from 2008; renamed Schizophrenia Alliance in 2015 (weakly sourced).',
      source: 'sardaa.org',
      confidence: 'M',
    }),
    group({
      id: 'mental-health-america',
      name: 'Mental Health America',
      formerNames: ['National Mental Health Association'],
      acronyms: ['MHA'],
      kinds: MENTAL_HEALTH,
      website: 'https://mhanational.org/',
      // The renames table says "also mentalhealthamerica.net", but the contact table puts it in parentheses
      // (former) and it is among the confirmed old URL patterns: links there get mhanational.org as new home.
      formerDomains: ['nmha.org', 'mentalhealthamerica.net'],
      phones: [
        { number: '(703) 684-7722', label: 'office', confidence: 'H' },
        { number: '(800) 969-6642', label: 'office', confidence: 'H' },
      ],
      address: '500 Montgomery St Ste 820, Alexandria VA 22314',
      addressConfidence: 'M',
      meetingFinder: 'https://mhanational.org/',
      notes: 'Named National Mental Health Association until 16 Nov 2006. Phones as of 2015.',
      source: 'MHA "about us" (archived 2013); phones 2015',
      confidence: 'H',
    }),
    group({
      id: 'samhsa-national-helpline',
      name: 'SAMHSA National Helpline',
      acronyms: ['SAMHSA'],
      kinds: ['helpline'],
      // A page, not a site: the rest of samhsa.gov is not this helpline (see lookup.ts).
      website: 'https://samhsa.gov/find-help/national-helpline',
      phones: [
        { number: '1-800-662-4357', label: 'helpline', note: '1-800-662-HELP; 24/7, English and Spanish' },
        { number: '1-800-487-4889', label: 'tty' },
        { number: '435748', label: 'text', note: 'text your ZIP code to 435748' },
      ],
      meetingFinder: 'https://findtreatment.gov/',
      languages: ['en', 'es'],
      notes: 'findtreatment.gov finds treatment services rather than mutual-aid meetings.',
      source: "groups.md contact facts (H: the organisation's own page)",
      confidence: 'H',
    }),
    group({
      id: '988-lifeline',
      name: '988 Suicide & Crisis Lifeline',
      formerNames: ['National Suicide Prevention Lifeline'],
      kinds: ['helpline'],
      website: 'https://988lifeline.org/',
      formerDomains: ['suicidepreventionlifeline.org'],
      phones: [
        { number: '988', label: 'helpline', note: 'call, text or chat' },
        { number: '1-800-273-8255', label: 'helpline', note: 'the former National Suicide Prevention Lifeline number; still routes' },
      ],
      notes: 'Was the National Suicide Prevention Lifeline until 16 Jul 2022.',
      source: 'contact facts H; rename: state agencies 2022',
      confidence: 'H',
    }),
    group({
      id: 'national-empowerment-center',
      name: 'National Empowerment Center',
      kinds: MENTAL_HEALTH,
      website: 'https://power2u.org/',
      address: 'Lawrence MA',
      source: 'one third-party list',
      confidence: L,
    }),
    group({
      id: 'mh-consumers-self-help-clearinghouse',
      name: "National Mental Health Consumers' Self-Help Clearinghouse",
      kinds: ['clearinghouse', 'mental-health'],
      website: 'https://mhselfhelp.org/',
      email: 'selfhelpclearinghouse@gmail.com',
      // The only street address in the source is from 2002; it is history, not where to write today.
      notes:
        "Still active: with Temple University's Collaborative on Community Inclusion since 2019, publishing in 2025; email only. In 2002 at 1211 Chestnut St Ste 1207, Philadelphia PA 19107.",
      source: 'mhselfhelp.org (2019, 2025)',
      confidence: 'H',
    }),
    group({
      id: 'nj-self-help-group-clearinghouse',
      name: 'NJ Self-Help Group Clearinghouse',
      // groups.md's renames table has the American Self-Help Group Clearinghouse as "then" and this clearinghouse,
      // which "continues", as "now"; it records no merger. The old name and mentalhelp.net/selfhelp/ sit here so
      // that old links to it find the clearinghouse that carries on; the notes keep the distinction. Its Saint
      // Clare's (Denville NJ) address was the older body's, so it is not this record's address.
      formerNames: ['American Self-Help Group Clearinghouse'],
      kinds: ['clearinghouse'],
      website: 'https://njgroups.org/',
      // Only the /selfhelp/ section: the rest of mentalhelp.net was never a clearinghouse's.
      formerUrlPrefixes: ['mentalhelp.net/selfhelp/'],
      phones: [
        { number: '(800) 367-6274', label: 'office' },
        { number: '(973) 326-6789', label: 'office', note: 'as of 2012' },
      ],
      notes:
        "Runs with MHA of New Jersey. The American Self-Help Group Clearinghouse (Saint Clare's, Denville NJ; mentalhelp.net/selfhelp/) has closed, date not found; this clearinghouse continues.",
      source: 'contact facts M; American Self-Help Group Clearinghouse: Psychology Today 1996; njgroups.org',
      confidence: 'M',
    }),
    group({
      id: 'psych-central',
      name: 'Psych Central',
      kinds: MENTAL_HEALTH,
      website: 'https://psychcentral.com/',
      notes: 'Founded independently by John Grohol; owned by Healthline Media since Aug 2020.',
      source: 'psychcentral.com',
      confidence: 'M',
    }),
    group({
      id: 'jacs',
      name: 'JACS',
      acronyms: ['JACS'],
      kinds: ADDICTION,
      website: null,
      unconfirmedFormerDomains: ['jacsweb.org'],
      address: 'Jewish Board, New York NY',
      notes: 'A program of the Jewish Board; activity after 2019 unconfirmed.',
      source: 'one third-party list; 2019 community press',
      confidence: L,
    }),
  ];
}
