/**
 * The bundled directory: mutual-aid groups, helplines and clearinghouses a clinician refers people to. Every fact
 * cites the page it was read on, by address and with that page's own date (`sources`); a fact no source had is left
 * empty, never filled from memory. The facts were checked against their sources on the record's `verified` day and
 * not re-checked live since, which is why the extension keeps checking the websites themselves.
 */
import type { Fact, Group, Source } from './group.ts';

type Essentials = Pick<Group, 'id' | 'name' | 'kinds' | 'website' | 'sources' | 'verified' | 'confidence'>;

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
    ...facts,
  };
}

/** A lone secondary page. */
const WEAK = true;

function cite(url: string, date: string | null, facts: Fact[], weak = false): Source {
  return weak ? { url, date, facts, weak } : { url, date, facts };
}

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
      kinds: ['addiction'],
      website: 'https://aa.org/',
      formerUrlPrefixes: ['aa.org/assets/en_US/'],
      address: '475 Riverside Dr, New York NY 10115; mail: Box 459, Grand Central Station, New York NY 10163',
      addressConfidence: 'H',
      sources: [
        cite('https://www.aa.org/aa-gso', null, ['name', 'acronyms', 'website']),
        cite('http://www.aa.org/pages/en_US/box-4-5-9-bulletin-board-calendar-of-events', null, ['address', 'website']),
        cite('https://www.nemdaa.org/event/gso-contribution-letter-address-update', '2021-12-04', ['address']),
        cite('https://nm-aa.org/trusted-servants/delegate/gso-announcements/', '2020-03-20', ['address']),
        cite('https://sfvaa.org/aaws/', '2021-10-29', ['address'], WEAK),
        cite(
          'https://fdocuments.us/document/a-declaration-of-unity-jack-alexander-article-about-aa-a-assets-a-enus-a.html',
          '2019-02',
          ['formerUrlPrefixes'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'narcotics-anonymous',
      name: 'Narcotics Anonymous World Services',
      acronyms: ['NA'],
      kinds: ['addiction'],
      website: 'https://na.org/',
      sources: [
        cite('https://na.org/?ID=reports-nawsnews-en-nawsnews98-4', '1999-01', [
          'name',
          'acronyms',
          'website',
          'address',
        ]),
        cite('https://vdocument.in/basic-services-fellowship-services-by-the-numbers.html', '2015', ['address'], WEAK),
        cite('https://na-hawaii.org/2020/03/18/naws-announcement/', '2020-03-18', ['website'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'al-anon',
      name: 'Al-Anon Family Groups',
      kinds: ['family-and-friends'],
      website: 'https://al-anon.org/',
      phones: [{ number: '(888) 425-2666', label: 'meeting-line', confidence: 'L' }],
      address: 'Virginia Beach VA',
      notes:
        'Includes Alateen. Street address not confirmed. Headquarters moved from New York to Virginia Beach VA in July 1996.',
      sources: [
        cite('https://docslib.org/doc/12364261/fact-sheet-for-professionals', null, [
          'name',
          'website',
          'phones',
          'notes',
        ]),
        cite('https://scholar-dev.cloud.lib.vt.edu/VA-news/VA-Pilot/issues/1996/vp960703/07030461.htm', '1996-07-03', [
          'address',
          'notes',
        ]),
        cite('https://www.richmondsunlight.com/bill/2006/hj38/fulltext/', '2006-01-11', ['address', 'notes'], WEAK),
        cite('https://al-anon.org/blog/65-years-hope-for-families/', '2016-05-19', ['name', 'website', 'address']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'emotions-anonymous',
      name: 'Emotions Anonymous International',
      kinds: ['mental-health'],
      website: 'https://emotionsanonymous.org/',
      address: 'St. Paul MN',
      notes: 'About 280 in-person and 120 remote groups (2025).',
      sources: [
        cite('https://emotionsanonymous.org/about-eai', '2025', ['name', 'website', 'address', 'notes']),
        cite('https://en.wikipedia.org/wiki/Emotions_Anonymous', null, ['address', 'website'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'nami',
      name: 'NAMI',
      formerNames: ['National Alliance for the Mentally Ill'],
      acronyms: ['NAMI'],
      kinds: ['mental-health'],
      website: 'https://nami.org/',
      phones: [
        {
          number: '1-800-950-6264',
          label: 'helpline',
          note: '800-950-NAMI; HelpLine Mon–Fri 10am–10pm ET',
          confidence: 'H',
        },
        { number: '62640', label: 'text', note: 'text "helpline" to 62640', confidence: 'H' },
      ],
      addressConfidence: 'L',
      notes:
        'Legal name NAMI since 1997; "National Alliance on Mental Illness" from 2005. Earlier address 2107 Wilson Blvd.',
      sources: [
        cite('https://nami.org/?p=30084', '2022-08-01', ['name', 'website', 'phones']),
        cite('https://nami.org/?p=4491', null, ['phones']),
        cite('https://nami.org/?p=30148', '2019-10-07', ['website', 'phones']),
        cite(
          'https://www.nami.org/Press-Media/Press-Releases/2000/NAMI-Moves-to-New-National-Headquarters',
          '2000-01-06',
          ['formerNames', 'acronyms', 'notes'],
        ),
        cite(
          'http://www2.nami.org/TextTemplate.cfm?Section=Cleansweep&template=/ContentManagement/ContentDisplay.cfm&ContentID=22362',
          '2005',
          ['formerNames', 'notes'],
        ),
        cite('https://namimetro.org/what-does-the-nami-acronym-stand-for/', null, ['formerNames', 'notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'dbsa',
      name: 'Depression and Bipolar Support Alliance',
      formerNames: ['National Depressive and Manic-Depressive Association', 'Manic Depressive Association'],
      acronyms: ['DBSA', 'NDMDA', 'MDA'],
      kinds: ['mental-health'],
      website: 'https://dbsalliance.org/',
      unconfirmedFormerDomains: ['ndmda.org'],
      phones: [
        { number: '(800) 826-3632', label: 'office' },
        { number: '(312) 642-0049', label: 'chapter-services' },
      ],
      address: '55 E Jackson Blvd Ste 490, Chicago IL 60604',
      sources: [
        cite('http://www.dbsarockland.org/dbsa-national', null, ['name', 'acronyms', 'phones', 'address'], WEAK),
        cite('https://miamicac.org/new/depression-and-bipolar-support-alliance-hotline/', null, ['address'], WEAK),
        cite('https://www.dbsalliance.org/support/chapters-and-support-groups/start-a-chapter/', null, [
          'website',
          'phones',
        ]),
        cite(
          'http://cds.tucollaborative.org/database/view_program.php?program_id=6256',
          null,
          ['notes', 'phones'],
          WEAK,
        ),
        cite('http://www.dbsalliance.org/AR/2015/Timeline.html', '2015', ['formerNames', 'acronyms', 'notes']),
        cite(
          'https://www.washingtonpost.com/archive/lifestyle/wellness/1986/05/14/new-organization-aims-to-educate-the-public-about-mental-illness/da8c0a32-9437-400a-ab71-7dda4a98d0e4/',
          '1986-05-14',
          ['formerNames', 'acronyms'],
        ),
        cite(
          'https://en.wikipedia.org/wiki/Depression_and_Bipolar_Support_Alliance',
          null,
          ['name', 'formerNames'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'iocdf',
      name: 'International OCD Foundation',
      formerNames: ['Obsessive Compulsive Foundation', 'Obsessive-Compulsive Foundation'],
      acronyms: ['IOCDF'],
      kinds: ['mental-health'],
      website: 'https://iocdf.org/',
      formerDomains: ['ocfoundation.org'],
      address: 'Boston MA',
      notes:
        'Renamed from the Obsessive Compulsive Foundation by about 2008. Earlier at 676 State St, New Haven CT 06511.',
      sources: [
        cite('http://www.ocfoundation.org/Facts.aspx', '2008', [
          'name',
          'acronyms',
          'formerNames',
          'formerDomains',
          'address',
          'notes',
        ]),
        cite(
          'http://ocdrecoverycenters.com/ocd/ocd_expert7.html',
          null,
          ['formerNames', 'formerDomains', 'notes'],
          WEAK,
        ),
        cite('https://iocdf.org/blog/2016/08/01/30years/', '2016-08-01', ['website', 'formerNames', 'notes']),
        cite(
          'https://iocdf.org/media/press-releases/national-ocd-walk-comes-to-boston-to-raise-awareness-fight-stigma/',
          '2016-05-24',
          ['name', 'acronyms', 'website', 'address'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'recovery-international',
      name: 'Recovery International',
      formerNames: ['Recovery, Inc.'],
      kinds: ['mental-health'],
      website: 'https://recoveryinternational.org/',
      unconfirmedFormerDomains: ['recovery-inc.org'],
      notes:
        'Founded 1937 (as the Association of Former Mental Patients and Their Relatives, soon Recovery, Inc.); the name Recovery International was announced at the June 2007 annual meeting (one source: effective 1 Jan 2007); merged with the Abraham Low Institute 1 Jan 2008; Abraham Low Self-Help Systems incorporated January 2009.',
      sources: [
        cite('https://recoveryinternational.org/80th-year-celebration/', '2017', [
          'name',
          'formerNames',
          'website',
          'notes',
        ]),
        cite('https://en.wikipedia.org/wiki/Abraham_Low_Self-Help_Systems', null, ['formerNames', 'notes'], WEAK),
        cite('https://www.liquisearch.com/recovery_international/history', null, ['notes'], WEAK),
        cite('http://www.fpcallegan.org/support-groups/', null, ['notes'], WEAK),
        cite('https://www.recoveryinternational.org/newcomers/', null, ['website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'grow-in-america',
      name: 'GROW in America',
      kinds: ['mental-health'],
      website: 'https://growinamerica.org/',
      phones: [{ number: '(217) 352-6989', label: 'office', note: 'GROW in Illinois' }],
      notes: 'The site lists the Illinois groups.',
      sources: [
        cite('https://www.growinamerica.org/grow-in-illinois', '2017', ['name', 'website', 'phones', 'notes']),
        cite('https://www.growinamerica.org/home/about-us', null, ['name', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'smart-recovery',
      name: 'SMART Recovery (USA)',
      kinds: ['addiction'],
      website: 'https://smartrecovery.org/',
      addressConfidence: 'L',
      notes: "The street address is from one third-party list; the town, Mentor OH, is on the group's own page.",
      sources: [
        cite('https://www.smartrecovery.org/smart-recovery-press-releases/', '2023-01-06', [
          'name',
          'website',
          'address',
          'notes',
        ]),
        cite(
          'https://www.todaysfamilymagazine.com/2020/03/30/305348/smart-recovery-helps-those-with-addiction-problems',
          '2020-03-30',
          ['name', 'address'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'cocaine-anonymous',
      name: 'Cocaine Anonymous',
      kinds: ['addiction'],
      website: 'https://ca.org/',
      address: 'Los Angeles area',
      sources: [
        cite('https://museum.ca.org/wp-content/uploads/ca-org-1997/pubinfo.html', '1997', [
          'name',
          'website',
          'address',
        ]),
        cite('https://www.12steprecovery.com/cocaine-anonymous/', null, ['website'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'gamblers-anonymous',
      name: 'Gamblers Anonymous',
      kinds: ['addiction'],
      website: null,
      sources: [
        cite('https://en.wikipedia.org/wiki/Gamblers_Anonymous', null, ['name'], WEAK),
        cite('https://www.laintergroup.com/about-us', null, ['name'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'L',
    }),
    group({
      id: 'overeaters-anonymous',
      name: 'Overeaters Anonymous',
      kinds: ['addiction'],
      website: 'https://oa.org/',
      phones: [{ number: '(505) 891-2664', label: 'office' }],
      address: 'PO Box 44727, Rio Rancho NM 87174-4727',
      meetingFinder: 'https://oa.org/',
      notes: 'Meetings: "Find a Meeting" on oa.org.',
      sources: [
        cite('https://oa.org/faq-category/about-oa/', null, ['name', 'website', 'phones', 'address']),
        cite('https://oa.org/members/service-resources/faq-members/', null, ['meetingFinder', 'notes']),
        cite(
          'https://www.krqe.com/news/albuquerque-metro/overeaters-anonymous-offers-recovery-help-during-covid-19/',
          '2020-11-16',
          ['address', 'website'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'co-dependents-anonymous',
      name: 'Co-Dependents Anonymous',
      kinds: ['family-and-friends', 'mental-health'],
      website: 'https://coda.org/',
      meetingFinder: 'https://coda.org/',
      sources: [
        cite('https://en.wikipedia.org/wiki/Co-Dependents_Anonymous', null, ['name', 'address'], WEAK),
        cite('http://coda.org/index.cfm/faq/', null, ['website', 'meetingFinder']),
        cite('https://coda.org/meeting-materials/', null, ['website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'adult-children-of-alcoholics',
      name: 'Adult Children of Alcoholics & Dysfunctional Families',
      kinds: ['family-and-friends'],
      website: 'https://adultchildren.org/',
      otherDomains: ['acawso.org'],
      meetingFinder: 'https://adultchildren.org/',
      sources: [
        cite('https://acawso.org/', '2020', ['otherDomains']),
        cite('https://acawso.org/2020/12/28/7-for-the-7th/', '2020-12-28', ['otherDomains']),
        cite('https://adultchildren.org/literature/who-is/', null, ['name', 'website']),
        cite(
          'https://cassandradirectory.com/listing/adult-children-of-alcoholics-dysfunctional-families-aca',
          null,
          ['name', 'meetingFinder'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'nar-anon',
      name: 'Nar-Anon Family Groups',
      kinds: ['family-and-friends'],
      website: 'https://nar-anon.org/',
      meetingFinder: 'https://nar-anon.org/',
      sources: [
        cite('https://www.nar-anon.org/united-states/', '2019', ['name', 'website']),
        cite('https://www.nar-anon.org/where-is-my-country', null, ['meetingFinder']),
        cite('https://en.wikipedia.org/wiki/Nar-Anon', null, ['name'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'families-anonymous',
      name: 'Families Anonymous',
      kinds: ['family-and-friends'],
      website: null,
      sources: [
        cite('https://en.wikipedia.org/wiki/Families_Anonymous', null, ['name'], WEAK),
        cite(
          'https://www.radioiowa.com/2012/03/27/families-anonymous-opening-first-iowa-chapter/',
          '2012-03-27',
          ['name'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'L',
    }),
    group({
      id: 'celebrate-recovery',
      name: 'Celebrate Recovery',
      kinds: ['addiction'],
      website: 'https://celebraterecovery.com/',
      address: 'Saddleback Church, Lake Forest CA',
      sources: [
        cite('https://www.celebraterecovery.com/about/history/nov1991', null, ['name', 'website']),
        cite('http://cr-connected.com/about/history', null, ['address'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'women-for-sobriety',
      name: 'Women for Sobriety',
      kinds: ['addiction'],
      website: 'https://womenforsobriety.org/',
      sources: [
        cite('https://womenforsobriety.org/2021/11/', '2021-11-29', ['name', 'website']),
        cite('https://www.mcall.com/news/mc-xpm-1995-04-13-3040809-story.html', '1995-04-13', ['address'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'lifering',
      name: 'LifeRing Secular Recovery',
      kinds: ['addiction'],
      website: 'https://lifering.org/',
      sources: [
        cite('http://lifering.org/category/essays/', '2018', ['name', 'website']),
        cite('https://en.wikipedia.org/wiki/LifeRing_Secular_Recovery', null, ['name'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'recovery-dharma',
      name: 'Recovery Dharma',
      kinds: ['addiction'],
      website: 'https://recoverydharma.org/',
      notes:
        'One of the two successors of the Refuge Recovery nonprofit after its 2019 split; the other is Refuge Recovery World Services (refugerecovery.org).',
      sources: [
        cite('https://recoverydharma.org/joint-statement-july-2019/', '2019-07', ['name', 'website', 'notes']),
        cite('https://refugerecovery.org/category/news/bulletins', '2019', ['notes']),
        cite('https://refugerecovery.org/category/directors-reports', '2020', ['notes']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'dual-recovery-anonymous',
      name: 'Dual Recovery Anonymous',
      kinds: ['addiction', 'mental-health'],
      website: 'https://draonline.org/',
      phones: [{ number: '(877) 883-2332', label: 'office' }],
      address: 'PO Box 8107, Prairie Village KS 66208',
      meetingFinder: 'https://draonline.org/',
      sources: [
        cite('http://draonline.qwknetllc.com/welcome_tri_contents.html', null, [
          'name',
          'website',
          'phones',
          'address',
          'meetingFinder',
        ]),
        cite('https://draonline.org/member-services/starting-up-a-dra-group/', null, ['name', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'schizophrenia-alliance',
      name: 'Schizophrenia Alliance',
      formerNames: ['Schizophrenics Anonymous'],
      acronyms: ['S&PAA', 'SARDAA'],
      kinds: ['mental-health'],
      website: 'https://sczaction.org/',
      formerDomains: ['sardaa.org'],
      formerUrlPrefixes: ['nsfoundation.org/sa/'],
      meetingFinder: 'https://sczaction.org/peer-support-groups/',
      sources: [
        cite('https://www.nsfoundation.org/sa/navigation/what_is_sa.html', null, ['formerNames', 'formerUrlPrefixes']),
        cite('https://www.nsfoundation.org/sa/forum_sp2003.html', '2003', ['formerNames', 'formerUrlPrefixes']),
        cite('https://sardaa.org/schizophrenia-alliance/what-is-schizophrenia-alliance/', null, [
          'name',
          'website',
          'acronyms',
          'meetingFinder',
        ]),
        cite('https://sardaa.org/about-sardaa/', null, ['acronyms', 'notes']),
        cite('https://sczaction.org/peer-support-groups/', null, ['name', 'website']),
        cite('https://sczaction.org/', null, ['website']),
        cite('https://sardaa.org/schizophrenia-alliance/what-is-schizophrenia-alliance/', null, ['formerDomains']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'mental-health-america',
      name: 'Mental Health America',
      formerNames: ['National Mental Health Association'],
      acronyms: ['MHA'],
      kinds: ['mental-health'],
      website: 'https://mhanational.org/',
      formerDomains: ['nmha.org', 'mentalhealthamerica.net'],
      phones: [
        { number: '(703) 684-7722', label: 'office', confidence: 'H' },
        { number: '(800) 969-6642', label: 'office', confidence: 'H' },
      ],
      address: '2000 N. Beauregard Street, 6th Floor, Alexandria, VA 22311',
      addressConfidence: 'L',
      notes:
        'Named National Mental Health Association until 16 Nov 2006. Phones as of 2015. The address is from a 2015 page; no later one was found.',
      sources: [
        cite(
          'https://cybercemetery.unt.edu/archive/oilspill/20130216171445/http://www.mentalhealthamerica.net/go/about-us',
          '2013-02-16',
          ['name', 'formerNames', 'formerDomains', 'notes'],
        ),
        cite('https://web.archive.org/web/20150905103649/http://www.nmha.org/legislative-priorities', '2015-09-05', [
          'name',
          'acronyms',
          'formerDomains',
          'phones',
          'address',
        ]),
        cite('https://staging.mhanational.org/about', null, ['website'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'samhsa-national-helpline',
      name: 'SAMHSA National Helpline',
      acronyms: ['SAMHSA'],
      kinds: ['helpline'],
      website: 'https://samhsa.gov/find-help/national-helpline',
      phones: [
        { number: '1-800-662-4357', label: 'helpline', note: '1-800-662-HELP; 24/7, English and Spanish' },
        { number: '1-800-487-4889', label: 'tty' },
        { number: '435748', label: 'text', note: 'text your ZIP code to 435748 (HELP4U); English only' },
      ],
      meetingFinder: 'https://findtreatment.gov/',
      languages: ['en', 'es'],
      notes: 'findtreatment.gov finds treatment services rather than mutual-aid meetings.',
      sources: [
        cite(
          'https://app.altruwe.org/proxy?url=https%3A%2F%2Fwww.samhsa.gov%2F%2Ffind-help%2Fnational-helpline',
          '2021',
          ['name', 'acronyms', 'website', 'phones', 'languages'],
        ),
        cite(
          'https://thewrightinitiative.com/misc/need-help-with-mental-health.html',
          '2021',
          ['phones', 'languages'],
          WEAK,
        ),
        cite(
          'https://webarchive.library.unt.edu/web/20161102235127/https://www.disasterassistance.gov/get-assistance/forms-of-assistance/4506/0/D03',
          '2016-11-02',
          ['phones'],
        ),
        cite(
          'https://www.einpresswire.com/article/500690467/hhs-secretary-azar-samhsa-assistant-secretary-mccance-katz-statements-on-launch-of-findtreatment-gov',
          '2019-10-30',
          ['meetingFinder', 'notes'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: '988-lifeline',
      name: '988 Suicide & Crisis Lifeline',
      formerNames: ['National Suicide Prevention Lifeline'],
      kinds: ['crisis', 'helpline'],
      website: 'https://988lifeline.org/',
      formerDomains: ['suicidepreventionlifeline.org'],
      phones: [
        { number: '988', label: 'helpline', note: 'call, text or chat' },
        {
          number: '1-800-273-8255',
          label: 'helpline',
          note: 'the former National Suicide Prevention Lifeline number; still routes',
          former: true,
        },
      ],
      notes: 'Was the National Suicide Prevention Lifeline until 16 Jul 2022.',
      crisisTopics: ['suicide', 'crisis'],
      sources: [
        cite(
          'https://www.cdcr.ca.gov/ccjbh/2022/07/19/dial-988-to-access-24-hour-emotional-support-and-resources/',
          '2022-07-19',
          ['name', 'formerNames', 'phones', 'notes'],
        ),
        cite(
          'https://tidelinesblog.com/2022/07/19/dial-988-for-the-suicide-crisis-lifeline/',
          '2022-07-19',
          ['website', 'phones'],
          WEAK,
        ),
        cite('https://chipur.com/988-suicide-and-crisis-lifeline-july-16/', '2022', ['formerDomains'], WEAK),
        cite(
          'https://www.webmd.com/mental-health/features/988-suicide-prevention-overview?src=RSS_PUBLIC',
          '2022-07-07',
          ['formerNames', 'phones'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'national-empowerment-center',
      name: 'National Empowerment Center',
      kinds: ['mental-health'],
      website: 'https://power2u.org/',
      sources: [cite('http://www.power2u.org/', '2014', ['name', 'website'])],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'mh-consumers-self-help-clearinghouse',
      name: "National Mental Health Consumers' Self-Help Clearinghouse",
      kinds: ['clearinghouse', 'mental-health'],
      website: 'https://mhselfhelp.org/',
      email: 'selfhelpclearinghouse@gmail.com',
      sources: [
        cite(
          'https://www.mhselfhelp.org/the-key-update-latest/2019/3/22/key-update-march-2019-volume-15-number-9',
          '2019-03-22',
          ['name', 'website', 'email', 'notes'],
        ),
        cite(
          'https://www.mhselfhelp.org/the-key-update-latest/2025/7/22/key-update-august-september-2025-vol-22-number-3',
          '2025-07-22',
          ['name', 'email', 'notes'],
        ),
        cite(
          'https://www.mhselfhelp.org/the-key-update-latest/2026/2/23/key-update-march-april-2026-vol-22-no-10',
          '2026-02-23',
          ['email', 'notes'],
        ),
        cite('http://www.mhselfhelp.org/about-us/', null, ['name', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'nj-self-help-group-clearinghouse',
      name: 'NJ Self-Help Group Clearinghouse',
      kinds: ['clearinghouse'],
      website: 'https://njgroups.org/',
      phones: [
        { number: '(800) 367-6274', label: 'office' },
        { number: '(973) 326-6789', label: 'office', note: 'as of 2012' },
      ],
      notes:
        "Began operations January 1981 with a NJ Division of Mental Health grant; a department of (sponsored by) Saint Clare's Health System, Denville NJ, from 1985; now reached through njgroups.org with the Mental Health Association in New Jersey. Phones Mon-Fri 8:30am-5pm (2012).",
      sources: [
        cite('http://www.writeonnewjersey.com/2012/06/the-new-jersey-self-help-clearinghouse/', '2012-06-09', [
          'name',
          'phones',
          'notes',
        ]),
        cite(
          'https://archive.centraljersey.com/2007/01/11/recognizing-the-value-of-self-help-groups-in-n-j/',
          '2007-01-11',
          ['name', 'notes'],
        ),
        cite('http://www.njslom.org/magart_1207_pg24.html', '2007-12', ['name', 'notes'], WEAK),
        cite('https://www.njgroups.org/', '2020', ['website', 'notes']),
        cite('https://psychologytoday.com/sg/articles/199603/help-yourself', '1996-03', ['formerNames'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'psych-central',
      name: 'Psych Central',
      kinds: ['mental-health'],
      website: 'https://psychcentral.com/',
      notes: 'Founded independently by John Grohol; owned by Healthline Media since Aug 2020.',
      sources: [
        cite(
          'https://psychcentral.com/blog/reflections-on-psych-centrals-next-25-in-the-helpful-hands-of-healthline',
          '2020',
          ['name', 'website', 'notes'],
        ),
        cite('https://en.wikipedia.org/wiki/Psych_Central', null, ['notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'jacs',
      name: 'JACS',
      acronyms: ['JACS'],
      kinds: ['addiction'],
      website: null,
      unconfirmedFormerDomains: ['jacsweb.org'],
      address: 'Jewish Board, New York NY',
      notes: 'A program of the Jewish Board; activity after 2019 unconfirmed.',
      sources: [
        cite(
          'https://www.synagoguestudies.org/jacs-connecting-jews-to-judaism/',
          null,
          ['name', 'acronyms', 'address', 'notes'],
          WEAK,
        ),
        cite('http://216.92.228.14/about.html', null, ['name', 'acronyms', 'notes']),
        cite(
          'https://en.wikipedia.org/wiki/Jewish_Alcoholics,_Chemically_Dependent_Persons_and_Significant_Others',
          null,
          ['acronyms'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'veterans-crisis-line',
      name: 'Veterans Crisis Line',
      formerNames: ['National Veterans Suicide Prevention Hotline'],
      kinds: ['helpline', 'crisis'],
      website: 'https://www.veteranscrisisline.net/',
      phones: [
        { number: '988', label: 'helpline', note: 'Dial 988 then Press 1; 24/7, free, confidential' },
        { number: '838255', label: 'text', note: 'text to 838255; 24/7' },
      ],
      notes:
        'For Veterans, service members (incl. Guard and Reserve) and their families and friends; no need to be enrolled in VA benefits or health care. Online chat at VeteransCrisisLine.net/Chat.',
      crisisTopics: ['suicide', 'crisis'],
      sources: [
        cite('https://publicnow.com/view/6A05EC267E7BA4D70D27484673BB99D9347997AB', '2024-09-30', [
          'name',
          'phones',
          'notes',
        ]),
        cite('http://veteranscrisisline.net/About/VeteranSuicide.aspx', null, ['name', 'phones', 'notes']),
        cite(
          'https://www.everythinglubbock.com/news/state-regional/amarillo-va-new-veterans-crisis-line-phone-number/',
          '2022-07-19',
          ['phones', 'website'],
        ),
        cite(
          'https://www.va.gov/asheville-health-care/news-releases/confidential-crises-help-for-veterans-and-their-families/',
          '2022-07-25',
          ['formerNames', 'phones'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'national-domestic-violence-hotline',
      name: 'National Domestic Violence Hotline',
      acronyms: ['NDVH'],
      kinds: ['helpline', 'crisis'],
      website: 'https://www.thehotline.org/',
      phones: [
        { number: '1-800-799-7233', label: 'helpline', note: '800-799-SAFE; 24/7/365' },
        { number: '1-800-787-3224', label: 'tty', note: 'TTY' },
        { number: '88788', label: 'text', note: 'text START to 88788' },
      ],
      languages: ['en', 'es'],
      notes:
        '24/7 confidential support for anyone affected by relationship abuse, by phone, text or live chat at thehotline.org. Advocates speak English and Spanish, with interpretation in many other languages.',
      crisisTopics: ['domestic-violence'],
      sources: [
        cite(
          'https://ovc.ojp.gov/news/grantee-news/national-domestic-violence-hotline-answers-6-million-contacts',
          '2022-01-20',
          ['name', 'phones', 'notes'],
        ),
        cite('https://times.courts.in.gov/2016/04/26/national-domestic-violence-hotline', '2016-04-26', [
          'website',
          'languages',
        ]),
        cite('https://en.wikipedia.org/wiki/National_Domestic_Violence_Hotline', null, [
          'name',
          'acronyms',
          'website',
          'phones',
          'notes',
        ]),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'rainn-national-sexual-assault-hotline',
      name: 'National Sexual Assault Hotline (RAINN)',
      acronyms: ['RAINN'],
      kinds: ['helpline', 'crisis'],
      website: 'https://rainn.org/',
      phones: [
        {
          number: '1-800-656-4673',
          label: 'helpline',
          note: '1-800-656-HOPE; 24/7; routed to the nearest local sexual assault service provider; Spanish support available',
        },
      ],
      languages: ['en', 'es'],
      notes:
        'Run by RAINN (Rape, Abuse & Incest National Network); calls go to the nearest affiliated local crisis center, and live online chat is also offered. 24/7 Spanish-language service since 2015.',
      crisisTopics: ['sexual-assault'],
      sources: [
        cite('https://rainn.org/get-help/national-sexual-assault-hotline', null, [
          'name',
          'website',
          'phones',
          'notes',
        ]),
        cite('https://span.state.gov/social-development/sms-sos/20140901', '2014-09-01', [
          'acronyms',
          'phones',
          'notes',
        ]),
        cite('https://fiveshoutsout.com/rainn-5-fast-facts-you-need-to-know/', null, ['acronyms', 'phones'], WEAK),
        cite(
          'https://www.psychreg.org/national-sexual-assault-hotline-expanded-support-spanish-speaking-survivors/',
          null,
          ['languages', 'notes'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'crisis-text-line',
      name: 'Crisis Text Line',
      kinds: ['helpline', 'crisis'],
      website: 'https://crisistextline.org/',
      phones: [
        { number: '741741', label: 'text', note: 'text HOME to 741741; 24/7; anywhere in the US' },
        { number: '741741', label: 'text', note: 'Spanish: text HOLA to 741741 (offered since 15 Oct 2021)' },
      ],
      languages: ['en', 'es'],
      notes:
        'Free, confidential, text-only crisis support by trained volunteer Crisis Counselors (not professionals); 24/7.',
      crisisTopics: ['suicide', 'crisis'],
      sources: [
        cite('https://en.wikipedia.org/wiki/Crisis_Text_Line', null, ['name', 'phones', 'notes']),
        cite(
          'https://original.newsbreak.com/@amber-alexandria-1589647/2398980406605-crisis-text-line-now-offers-support-for-spanish-speakers',
          '2021-10-11',
          ['phones', 'languages', 'website'],
          WEAK,
        ),
        cite(
          'http://www.teenhealthfx.com/answers/resource-of-the-month/201707Crisistextline.html',
          '2017-07',
          ['phones', 'notes'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'trans-lifeline',
      name: 'Trans Lifeline',
      kinds: ['helpline', 'crisis'],
      website: 'https://translifeline.org/',
      phones: [
        {
          number: '(877) 565-8860',
          label: 'helpline',
          note: 'US; Monday-Friday 10 AM-6 PM Pacific (1-9 PM Eastern); closed some holidays; not 24/7',
        },
        { number: '(877) 330-6366', label: 'helpline', note: 'Canada; same reduced hours; not 24/7' },
      ],
      notes:
        "Peer support hotline staffed by trans people for trans people in the US and Canada; operators do not call emergency services without the caller's consent. Hours were cut from 1 January 2024 for budget reasons, so it is not a 24/7 line.",
      crisisTopics: ['suicide'],
      sources: [
        cite('https://en.wikipedia.org/wiki/Trans_Lifeline', null, ['name', 'phones', 'notes']),
        cite(
          'https://gayglobe.net/no-canada-does-not-provide-a-suicide-hotline-for-lgbtq-individuals-in-the-united-states/',
          null,
          ['phones', 'notes'],
          WEAK,
        ),
        cite(
          'https://www.pbs.org/newshour/nation/after-a-year-of-anti-lgbtq-legislation-a-lifeline-for-trans-and-nonbinary-people-faces-cuts',
          null,
          ['notes'],
        ),
        cite('https://translifeline.org/in-the-media', null, ['name', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'trevor-project',
      name: 'The Trevor Project',
      kinds: ['helpline', 'crisis'],
      website: 'https://www.thetrevorproject.org/',
      phones: [
        { number: '1-866-488-7386', label: 'helpline', note: 'TrevorLifeline; 24/7; LGBTQ+ young people (ages 13-24)' },
        { number: '678-678', label: 'text', note: 'text START to 678-678' },
      ],
      notes:
        "The 988 Lifeline's LGBTQ+ youth 'Press 3' option (and text PRIDE), which Trevor helped run, ended on 17 July 2025; Trevor's own phone, text and chat services continue. Do not tell clients to press 3 on 988 unless a newer source shows it has been restored.",
      crisisTopics: ['suicide'],
      sources: [
        cite('https://m.smi24.net/smi/kxan-com/407768293', '2025-07', ['phones', 'notes'], WEAK),
        cite(
          'https://kffhealthnews.org/news/article/988-suicide-crisis-lifeline-hotline-lgbtq-press-3-option-ended-states-backfill/',
          '2025-08-19',
          ['notes'],
        ),
        cite(
          'https://wtop.com/local/2025/06/a-death-sentence-dc-reaction-as-trump-administration-ends-specialized-suicide-prevention-service-for-lgbtq-youth/',
          '2025-06-20',
          ['notes'],
        ),
        cite('https://advocate.com/youth/2019/4/30/trevor-project-takes-text-chat-services-247', '2019-04-30', [
          'name',
          'notes',
        ]),
        cite('https://theodysseyonline.com/the-trevor-project-lgbtq-rights', null, ['phones'], WEAK),
        cite('https://www.thetrevorproject.org/2017/02/', '2017-02', ['name', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'postpartum-support-international',
      name: 'Postpartum Support International',
      acronyms: ['PSI'],
      kinds: ['helpline'],
      website: 'https://www.postpartum.net/',
      phones: [
        {
          number: '1-800-944-4773',
          label: 'helpline',
          note: '1-800-944-4PPD; press 1 for Spanish, 2 for English; basic information, support and resources',
        },
        { number: '1-800-944-4773', label: 'text', note: 'text in English' },
        { number: '971-203-7773', label: 'text', note: 'text in Spanish (en Español)' },
      ],
      languages: ['en', 'es'],
      notes:
        'HelpLine for perinatal mood and anxiety disorders that connects families with support, resources and local volunteer coordinators; founded 1987. Sources differ on hours (one local news page calls it a 24-hour hotline); KCRW lists it apart from the 988 Suicide and Crisis Lifeline, so use 988 in a crisis.',
      sources: [
        cite(
          'https://www.kcrw.com/culture/shows/bodies/postpartum-psychosis-ppd-childbirth-mental-health?utm_source=KCRW&utm_medium=RSS&utm_campaign=kcrw-news-rss',
          '2023-05-31',
          ['name', 'phones', 'languages', 'notes'],
        ),
        cite('https://www.familyaware.org/mental-health-support-for-moms-is-as-close-as-a-phone-call/', '2020-10-21', [
          'name',
          'acronyms',
          'notes',
        ]),
        cite('https://getwellnetwork.com/postpartumhelp', null, ['phones', 'languages'], WEAK),
        cite(
          'https://postpartumprogress.com/postpartum-among-top-10-fastest-growing-topics-at-meetupcom',
          null,
          ['website'],
          WEAK,
        ),
        cite('https://snjtoday.com/postpartum-support/?e-page-22b6b20=2', null, ['notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'national-maternal-mental-health-hotline',
      name: 'National Maternal Mental Health Hotline',
      kinds: ['helpline'],
      website: 'https://mchb.hrsa.gov/national-maternal-mental-health-hotline',
      phones: [
        { number: '1-833-852-6262', label: 'helpline', note: '1-833-TLC-MAMA; call 24/7; free, confidential' },
        { number: '1-833-852-6262', label: 'text', note: 'text 1-833-TLC-MAMA; 24/7' },
      ],
      languages: ['en', 'es'],
      notes:
        "HRSA hotline for pregnant and new mothers and their families, launched Mother's Day 2022; counselors speak English and Spanish, with interpreters for 60 other languages. It is not a crisis line: HRSA directs people in suicidal crisis to call or text 988. The 1-833-TLC-MAMA number replaced 1-833-943-5746 (1-833-9-HELP4MOMS) in May 2023.",
      sources: [
        cite(
          'https://www.einpresswire.com/article/633398802/hhs-celebrates-first-anniversary-of-national-maternal-mental-health-hotline-introduces-new-easy-to-remember-number-1-833-tlc-mama',
          '2023-05-12',
          ['name', 'phones', 'notes'],
        ),
        cite('https://mchb.hrsa.gov/national-maternal-mental-health-hotline/faq', null, [
          'name',
          'website',
          'languages',
          'notes',
        ]),
        cite(
          'https://www.mmhla.org/articles/the-national-maternal-mental-health-hotline-celebrates-3-years-of-service',
          '2025-05',
          ['phones', 'languages', 'notes'],
        ),
        cite(
          'https://theforceforhealth.com/hrsa-celebrates-national-maternal-mental-health-hotlines-first-anniversary-introduces-updated-number-1-833-tlc-mama/',
          null,
          ['notes'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'national-problem-gambling-helpline',
      name: 'National Problem Gambling Helpline (National Council on Problem Gambling)',
      acronyms: ['NCPG'],
      kinds: ['helpline'],
      website: 'https://www.ncpgambling.org/',
      phones: [
        {
          number: '1-800-522-4700',
          label: 'helpline',
          note: "NCPG's national helpline number again from 29 Sep 2025, after it lost the use of 1-800-GAMBLER; 24/7; free, confidential; routes callers to local resources",
        },
      ],
      notes:
        'Since 29 Sep 2025, 1-800-GAMBLER has been run solely by its owner, the Council on Compulsive Gambling of New Jersey (800gambler.org), not by NCPG. Sources say people can still call either number: 1-800-GAMBLER is run from New Jersey but is not described as serving New Jersey residents only. Also announced: 1-800-MY-RESET (Announced later by NCPG as the National Problem Gambling Helpline number (call or text); reported only by two undated secondary pages, so check it is live before relying on it).',
      sources: [
        cite('https://sbcamericas.com/2025/10/02/ncpg-resurrects-old-helpline-number/', '2025-10-02', [
          'name',
          'acronyms',
          'phones',
          'notes',
        ]),
        cite('https://www.ncpgambling.org/news/ncpg-statement-on-national-access-to-1-800-gambler', '2025-09', [
          'name',
          'website',
          'notes',
        ]),
        cite(
          'https://readwrite.com/national-council-ncpg-can-no-longer-run-gambling-addiction-hotline/',
          '2025-09-30',
          ['notes'],
        ),
        cite('https://www.playusa.com/national-council-on-problem-gambling-800-gambler-helpline/', '2022-05-18', [
          'phones',
          'notes',
        ]),
        cite(
          'https://completeigaming.com/national-council-on-problem-gambling-promotes-new-us-gambling-helpline-number',
          null,
          ['phones', 'notes'],
          WEAK,
        ),
        cite('https://theplaybookusa.com/playbook/basics/responsible/', null, ['phones', 'notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: '211',
      name: '211 (United Way 211 network)',
      kinds: ['helpline'],
      website: 'https://www.211.org/',
      phones: [
        {
          number: '211',
          label: 'helpline',
          note: 'dial 2-1-1; free, confidential information and referral to local health and human services; what is offered varies by community',
        },
      ],
      notes:
        'The FCC-assigned three-digit number for information and referral to social services (housing, food, utilities, health, mental health, disaster help), answered by local 211 centers and supported by United Way Worldwide. It is a referral line, not a crisis line; texting and hours differ by local center.',
      sources: [
        cite('http://www.211us.org/faq.htm', null, ['name', 'phones', 'notes']),
        cite('https://www.votervoice.net/UWW/Campaigns/128564/Respond', null, ['name', 'notes']),
        cite('https://www.thenonprofittimes.com/report/calls-for-help-jumped-68/', null, ['website', 'phones']),
        cite('https://www.uwwp.org/new-text-messaging-feature-added-to-2-1-1-helpline/', '2019-06-04', ['notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'disaster-distress-helpline',
      name: 'Disaster Distress Helpline',
      acronyms: ['DDH'],
      kinds: ['helpline', 'crisis'],
      website: 'https://www.samhsa.gov/ddh',
      phones: [
        {
          number: '1-800-985-5990',
          label: 'helpline',
          note: "call 24/7/365; press 2 for Spanish; ASL users can call this number from a videophone or use 'ASL Now' on the website",
        },
        { number: '1-800-985-5990', label: 'text', note: 'text 24/7; Spanish speakers: call or text and press 2' },
      ],
      languages: ['en', 'es', 'ase'],
      notes:
        "SAMHSA's year-round crisis counseling line for anyone in the US and territories in emotional distress related to a natural or human-caused disaster, including survivors, responders and loved ones. Interpretation is available in more than 100 other languages.",
      crisisTopics: ['crisis'],
      sources: [
        cite(
          'https://www.samhsa.gov/newsroom/press-announcements/20240805/ddh-provides-immediate-crisis-counseling-those-affected-tropical-storm-debby',
          '2024-08-05',
          ['name', 'acronyms', 'website', 'phones', 'languages', 'notes'],
        ),
        cite('https://www.samhsa.gov/find-help/disaster-distress-helpline', null, [
          'name',
          'phones',
          'languages',
          'notes',
        ]),
        cite(
          'https://www.einpresswire.com/article/707793013/national-disaster-distress-helpline-1-800-985-5990-provides-immediate-crisis-counseling-to-people-affected-by-severe-weather-tornadoes-across-the',
          '2024-04-30',
          ['phones', 'languages'],
        ),
        cite(
          'https://www.prnewswire.com/news-releases/national-disaster-distress-helpline-available-for-anyone-in-the-us-experiencing-distress-and-other-mental-health-concerns-related-to-disaster-301371380.html',
          '2021-09-07',
          ['phones', 'languages', 'notes'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'the-compassionate-friends',
      name: 'The Compassionate Friends',
      acronyms: ['TCF'],
      kinds: ['grief', 'family-and-friends'],
      website: 'https://www.compassionatefriends.org/',
      phones: [{ number: '1-877-969-0010', label: 'office', note: 'TCF National Office' }],
      address: 'TCF National Office, PO BOX 3696, Oak Brook, IL 60522',
      notes:
        'Free peer-to-peer support (no dues or fees) for parents, siblings and grandparents after the death of a child of any age from any cause, through local chapters; chapter members are bereaved families, not therapists, and do not provide counseling. US organisation; Compassionate Friends UK (tcf.org.uk) is a separate charity.',
      sources: [
        cite('https://www.compassionatefriends.org/when-a-child-dies/', null, ['name', 'acronyms', 'website', 'notes']),
        cite('http://eugenecompassionatefriends.org/tcfnational.html', null, ['phones', 'address']),
        cite('http://compassionatefriends-scv.org/about_us.aspx', null, ['notes'], WEAK),
        cite('https://en.wikipedia.org/wiki/The_Compassionate_Friends', null, ['notes']),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'parents-of-murdered-children',
      name: 'National Organization of Parents Of Murdered Children, Inc.',
      acronyms: ['POMC'],
      kinds: ['grief'],
      website: 'https://www.pomc.org/',
      phones: [{ number: '888-818-7662', label: 'office', note: 'National Office; also printed as 888-818-POMC' }],
      notes:
        'For parents and other survivors of homicide victims: local chapters hold monthly support meetings and offer advocacy and court accompaniment, and national headquarters staff can link a survivor with others nearby; children under 18 are not allowed in support group meetings.',
      sources: [
        cite('https://www.pomc.org/about-pomc/why-are-we-here/', null, ['name', 'acronyms', 'website', 'notes']),
        cite('http://www.pomc.com/chapters.html', null, ['phones', 'notes']),
        cite('http://mcvrc-news.blogspot.com/2009/09', '2009-09-09', ['name', 'acronyms', 'phones']),
        cite('http://www.connectionnewspapers.com/news/2006/dec/18/getting-help/', '2006-12-18', ['name', 'phones']),
        cite(
          'https://cobbcountycourier.com/2024/02/cobb-family-advocacy-center-to-host-the-first-meeting-of-a-metro-support-group-for-parents-of-murdered-children',
          '2024-02',
          ['name', 'acronyms', 'notes'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'afsp-suicide-loss-survivor-support',
      name: 'American Foundation for Suicide Prevention: support for survivors of suicide loss (Healing Conversations)',
      acronyms: ['AFSP'],
      kinds: ['grief', 'mental-health'],
      website: 'https://afsp.org/',
      address: '199 Water Street, 11th Floor, New York, NY 10038',
      notes:
        'AFSP is not a counseling or crisis service (its site tells people in crisis to call or text 988); for people who have lost someone to suicide it offers Healing Conversations, free visits by trained volunteers who are themselves suicide loss survivors, in person, by phone or by video chat, plus International Survivors of Suicide Loss Day events on the Saturday before US Thanksgiving.',
      sources: [
        cite(
          'https://afsp.org/story/american-foundation-for-suicide-prevention-offers-new-community-based-program',
          '2025-08-05',
          ['name', 'acronyms', 'website', 'notes'],
        ),
        cite('https://annual2023.afsp.org/loss-and-healing', '2023', ['name', 'notes']),
        cite('https://annual2022.afsp.org/loss_healing', '2022', ['name', 'notes']),
        cite('https://afsp.org/survivors-helping-survivors/', '2017-12-08', ['notes']),
        cite(
          'https://issuu.com./cobbcollaborative/docs/mym_magazine_-_2023_q3_edition_2_/s/36784003',
          '2023',
          ['name', 'notes'],
          WEAK,
        ),
        cite('https://vdocuments.site/view-the-2020-annual-report-online-at-.html', '2021-12-29', ['address']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'adaa',
      name: 'Anxiety and Depression Association of America',
      formerNames: ['Phobia Society of America', 'Anxiety Disorders Association'],
      acronyms: ['ADAA'],
      kinds: ['mental-health'],
      website: 'https://adaa.org/',
      address: '8701 Georgia Ave. #412, Silver Spring, MD 20910',
      meetingFinder: 'https://healthunlocked.com/anxiety-depression-support',
      notes:
        "ADAA's free online peer support community (on the HealthUnlocked platform, moderated by ADAA staff and supporters) is for people with anxiety and depressive disorders and their friends, family and colleagues; it does not replace a therapist. ADAA itself is a nonprofit education, practice and research organization, not a crisis line.",
      sources: [
        cite('http://www.adaa.org/about-adaa/mission-history', '2014', ['name', 'acronyms', 'formerNames', 'address']),
        cite('http://www.adaa.org/about-adaa/mission-history/new-name', '2012-04', ['name', 'notes']),
        cite('https://web.archive.org/web/20220225174708/http://www.adaa.org', '2022-02-25', [
          'name',
          'acronyms',
          'website',
          'notes',
        ]),
        cite(
          'https://healthunlocked.com/anxiety-depression-support/posts/134093418/anxiety-and-depression-support-guidelines',
          null,
          ['meetingFinder', 'notes'],
        ),
        cite('https://en.wikipedia.org/wiki/Anxiety_and_Depression_Association_of_America', null, [
          'formerNames',
          'acronyms',
        ]),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'childhelp-national-child-abuse-hotline',
      name: 'Childhelp National Child Abuse Hotline',
      kinds: ['helpline'],
      website: 'https://childhelphotline.org/',
      phones: [
        {
          number: '1-800-422-4453',
          label: 'helpline',
          note: '1-800-4-A-CHILD; 24/7; US and Canada; interpreters in over 170 languages',
        },
        { number: '1-800-422-4453', label: 'text', note: 'text the same number' },
      ],
      notes:
        'Crisis counselors answer calls, texts and chats 24/7 for anyone concerned about or affected by child abuse. It is not a line for reporting abuse and is not connected to emergency services: in danger, call 911.',
      sources: [
        cite('https://childhelphotline.org/how-it-works', null, ['name', 'website', 'notes']),
        cite('https://mochildcareaware.org/child-care-educator-child-abuse-hotlines', null, ['name', 'phones']),
        cite('http://helpisaclickaway.org', null, ['phones'], WEAK),
        cite(
          'https://www.journal-news.net/journal-news/nonprofit-childhelp-launches-national-child-abuse-textline/article_921bd1c0-177f-5fa7-8946-6157779c8605.html',
          '2019-02-02',
          ['phones'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'national-runaway-safeline',
      name: 'National Runaway Safeline',
      formerNames: ['National Runaway Switchboard'],
      kinds: ['helpline'],
      website: 'https://www.1800runaway.org/',
      otherDomains: ['nationalrunawaysafeline.org'],
      phones: [
        { number: '1-800-786-2929', label: 'helpline', note: '1-800-RUNAWAY; 24/7' },
        { number: '66008', label: 'text', note: 'text 66008' },
      ],
      notes:
        'The federally designated line for youth aged 12 to 21 who are thinking of running away, have run away or are homeless, and for their families: calls, chat, text, email and forum, 24/7, free and confidential. Its Home Free program gives a free bus ticket home. It began in Chicago in 1971 as Metro Help.',
      sources: [
        cite('https://www.1800runaway.org/about-us/faq/', null, [
          'name',
          'formerNames',
          'acronyms',
          'website',
          'phones',
          'notes',
        ]),
        cite('https://www.nationalrunawaysafeline.org/about-us', null, ['name', 'otherDomains', 'notes']),
        cite('https://www.nationalrunawaysafeline.org/celebrating-50-years', null, ['formerNames', 'notes']),
        cite(
          'https://triblive.com/opinion/letters/14412326-74/letter-to-the-editor-helping-homeless-runaway-youth',
          '2018-12-16',
          ['phones'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'national-human-trafficking-hotline',
      name: 'National Human Trafficking Hotline',
      formerNames: ['National Human Trafficking Resource Center'],
      acronyms: ['NHTRC'],
      kinds: ['helpline'],
      website: 'https://humantraffickinghotline.org/',
      formerDomains: ['traffickingresourcecenter.org'],
      phones: [
        {
          number: '1-888-373-7888',
          label: 'helpline',
          note: '24/7; English, Spanish and over 200 other languages by interpreter',
        },
        { number: '233733', label: 'text', note: 'text 233733 (BeFree)' },
      ],
      email: 'help@humantraffickinghotline.org',
      languages: ['en', 'es'],
      notes:
        'For victims and survivors of human trafficking and anyone reporting a tip: calls, text and chat, confidential. Operated by Polaris; not law enforcement, immigration or a government agency. In an emergency call 911. Hearing- or speech-impaired callers reach it through relay by dialling 711.',
      sources: [
        cite('https://humantraffickinghotline.org/about-us/what-we-do', null, [
          'name',
          'website',
          'phones',
          'languages',
          'notes',
        ]),
        cite('http://traffickingresourcecenter.org/privacy-policy', null, ['formerDomains', 'email']),
        cite(
          'https://www.acf.hhs.gov/archive/blog/2013/04/human-trafficking-victims-can-text-befree-get-help',
          '2013-04',
          ['formerNames', 'acronyms', 'phones'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'stronghearts-native-helpline',
      name: 'StrongHearts Native Helpline',
      kinds: ['helpline', 'crisis'],
      website: 'https://strongheartshelpline.org/',
      otherDomains: ['stronghearts.me'],
      phones: [{ number: '1-844-762-8483', label: 'helpline', note: '1-844-7NATIVE; 24/7; Native advocates' }],
      notes:
        "A helpline by and for American Indian and Alaska Native people facing domestic, dating or sexual violence, and their families and friends: Native advocates, free, anonymous and confidential; call, chat or text (its site gives how). A project of the National Indigenous Women's Resource Center and the National Domestic Violence Hotline. In danger, call 911.",
      crisisTopics: ['domestic-violence', 'sexual-assault'],
      sources: [
        cite('https://stronghearts.me/about', null, ['name', 'otherDomains', 'phones', 'notes']),
        cite(
          'https://nativenewsonline.net/sponsored-content/stronghearts-native-helpline-is-a-free-domestic-violence-helpline',
          null,
          ['website', 'phones', 'notes'],
        ),
        cite('https://politicalemails.org/messages/377976/html_body', null, ['phones', 'notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'friendship-line',
      name: 'Friendship Line (Institute on Aging)',
      kinds: ['helpline'],
      website: 'https://www.ioaging.org/friendship-line',
      phones: [
        {
          number: '888-670-1360',
          label: 'helpline',
          note: "24/7; the number the Institute on Aging's page gives today",
        },
        { number: '800-971-0016', label: 'helpline', note: 'the longtime line; both numbers took calls 24/7 in 2020' },
      ],
      notes:
        'A free, confidential 24-hour emotional support and crisis line for adults aged 60 and over, adults living with disabilities and caregivers: loneliness, grief, depression, thoughts of suicide. It also makes scheduled calls out to people who ask (intake form on its page). Run by the Institute on Aging, San Francisco; its page describes it as a California line.',
      sources: [
        cite('https://www.ioaging.org/friendship-line', null, ['name', 'website', 'phones', 'notes']),
        cite(
          'https://www.independentnews.com/news/state-funds-toll-free-crisis-line-for-lonely-isolated-older-adults/article_a900be48-8a9c-11ea-ae00-2bcf4243f32c.html',
          '2020-04',
          ['phones', 'notes'],
        ),
        cite('https://www.times-standard.com/2020/04/28/friendship-line-can-now-reach-more-seniors/', '2020-04-28', [
          'phones',
        ]),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 's-anon',
      name: 'S-Anon International Family Groups',
      kinds: ['family-and-friends'],
      website: 'https://sanon.org/',
      notes:
        "A 12-step fellowship for the families and friends of sexaholics, with S-Ateen for young members; about 330 groups (2017). Its World Service Office registers groups and publishes each group's contact on sanon.org.",
      sources: [
        cite('https://sanon.org/blog/2024/06/14/important-update-group-email-address-requirement/', '2024-06-14', [
          'name',
          'website',
          'notes',
        ]),
        cite('https://sanon.org/blog/2019/12/18/s-anon-s-ateen-service-manual/', '2019-12-18', ['name', 'notes']),
        cite('https://member.sanon.org/category/news/', null, ['notes']),
        cite('https://member.sanon.org/october-2017-special-appeal-wso-update/', '2017-10', ['notes']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'co-anon',
      name: 'Co-Anon Family Groups',
      formerNames: ['CocAnon'],
      kinds: ['family-and-friends'],
      website: 'https://co-anon.org/',
      notes:
        'A 12-step fellowship for the husbands, wives, parents, relatives and close friends of someone addicted to cocaine or other mind-altering substances, based on the Steps and Traditions of Cocaine Anonymous.',
      sources: [
        cite('https://co-anon.org/about/', null, ['name', 'website', 'notes']),
        cite(
          'https://12steppers.org/12-step-programs/12-step-programs-for-friends-families-of-addicts/co-anon/',
          null,
          ['formerNames'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'parents-anonymous',
      name: 'Parents Anonymous',
      kinds: ['family-and-friends', 'helpline'],
      website: 'https://parentsanonymous.org/',
      phones: [
        {
          number: '855-427-2736',
          label: 'helpline',
          note: '855-4A-PARENT; the National Parent & Youth Helpline, for parents and young people up to 25',
        },
        { number: '855-427-2736', label: 'text', note: 'text the same number' },
      ],
      notes:
        'Helping families since 1969: trained counselors on its helpline (call, text or chat) and free weekly online Parents Anonymous support groups for parents and caregivers. Hours have changed over the years (8 a.m. to 8 p.m. for the California line; chat 24/7 for the national one), so check its site.',
      sources: [
        cite('https://parentsanonymous.org/helpline-for-parents-to-get-lifeline-in-governors-new-budget/', null, [
          'name',
          'website',
          'phones',
          'notes',
        ]),
        cite('https://kiowacountypress.net/content/bill-would-fund-national-parent-and-youth-helpline', null, [
          'phones',
          'notes',
        ]),
        cite(
          'https://www.publicnewsservice.org/2021-05-13/mental-health/advocates-seek-funding-for-ca-parent-and-youth-helpline/a74285-1',
          '2021-05-13',
          ['phones', 'notes'],
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'madd-victim-services',
      name: 'Mothers Against Drunk Driving (MADD) Victim Services',
      acronyms: ['MADD'],
      kinds: ['grief', 'helpline'],
      website: 'https://madd.org/',
      phones: [{ number: '1-877-623-3435', label: 'helpline', note: '1-877-MADD-HELP; 24-Hour Victim Help Line' }],
      notes:
        'Free services for victims and survivors of drunk and drugged driving crashes and underage drinking, for as long as they need: emotional support, victim advocates, help with the criminal and civil justice process, referrals to local counselors and support groups. The help line also serves first responders.',
      sources: [
        cite('https://madd.org/guest-author-march-2023/', '2023-03', [
          'name',
          'acronyms',
          'website',
          'phones',
          'notes',
        ]),
        cite('http://www.madd.org/blog/2014/april/a-voice-for-victims.html', '2014-04', ['phones', 'notes']),
        cite('https://online.flippingbook.com/view/220885/7/', null, ['phones', 'notes']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'survivors-of-incest-anonymous',
      name: 'Survivors of Incest Anonymous',
      acronyms: ['SIA'],
      kinds: ['mental-health'],
      website: 'https://siawso.org/',
      notes:
        'A 12-step fellowship, founded in 1982, for adults (18 and over) recovering from the effects of childhood sexual abuse; no dues or fees and no professional therapist in the group, so not a replacement for therapy. Some meetings are women only or men only.',
      sources: [
        cite('https://siawso.org/about/core-literature/', null, ['name', 'website']),
        cite('https://siacominghomephoneline.org/files/other-meeting-scripts/article.html', null, ['notes']),
        cite('https://en.wikipedia.org/wiki/Survivors_of_Incest_Anonymous', null, ['name', 'acronyms', 'notes']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'food-addicts-in-recovery-anonymous',
      name: 'Food Addicts in Recovery Anonymous',
      kinds: ['addiction'],
      website: 'https://www.foodaddicts.org/',
      phones: [{ number: '781-932-6300', label: 'office', note: 'FA World Service Office' }],
      notes:
        "A 12-step program modelled on Alcoholics Anonymous for people whose relationship with food parallels an alcoholic's with alcohol: overeating, undereating, bulimia, obsession with weight. Known as FA. Founded in 1998 by former Overeaters Anonymous members; a separate fellowship from Food Addicts Anonymous (FAA). No dues, fees or weigh-ins.",
      sources: [
        cite(
          'https://hingham.wickedlocal.com/news/20190313/food-addicts-will-host-meeting-in-braintree',
          '2019-03-13',
          ['name', 'phones', 'notes'],
        ),
        cite(
          'http://methdrugaddiction.com/fifth-annual-convention-draws-food-addicts-from-29-states-6-nations-around-the-world',
          '2006-07-28',
          ['name', 'acronyms', 'website'],
          WEAK,
        ),
        cite('https://d.12step.org/directory-directory/listing/food-addicts-in-recovery-anonymous/', null, [
          'name',
          'acronyms',
          'notes',
        ]),
        cite('https://en.wikipedia.org/wiki/Food_Addicts_in_Recovery_Anonymous', null, ['notes']),
        cite('https://verywellmindai.pages.dev/posts/what-is-food-addicts-anonymous-', null, ['notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'taps',
      name: 'Tragedy Assistance Program for Survivors',
      acronyms: ['TAPS'],
      kinds: ['grief', 'helpline'],
      website: 'https://taps.org/',
      phones: [
        {
          number: '(800) 959-8277',
          label: 'helpline',
          note: '800-959-TAPS; National Military Survivor Helpline, 24/7',
        },
      ],
      notes:
        'Free care for anyone grieving the death of a service member or veteran, whatever the relationship or cause of death: a 24/7 helpline answered by its survivor care team, peer mentors who are survivors themselves, seminars, online groups and help with benefits. A nonprofit, not part of the Department of Defense.',
      sources: [
        cite('https://taps.org/stories/2023/5-ways-taps-supports-military-and-veteran-survivors', '2023', [
          'name',
          'acronyms',
          'website',
          'notes',
        ]),
        cite(
          'https://www.moaa.org/content/publications-and-media/news-articles/2026-news-articles/spotlight/surviving-spouse-corner-getting-to-know-taps',
          '2026',
          ['name', 'acronyms', 'phones', 'notes'],
        ),
        cite(
          'https://mst.military.com/benefits/survivor-benefits/tragedy-assistance-program-for-survivors.html',
          null,
          ['phones'],
        ),
        cite('https://theguardiangames.com/taps/taps.php', null, ['notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'obsessive-compulsive-anonymous',
      name: 'Obsessive Compulsive Anonymous',
      acronyms: ['OCA'],
      kinds: ['mental-health'],
      website: null,
      address: 'P.O. Box 215, New Hyde Park, NY',
      notes:
        'A 12-step fellowship, established in 1988, for people recovering from obsessive compulsive disorder; it endorses no treatment but recommends members see a doctor skilled in OCD. No dues or fees. Groups in the US, Canada and abroad (an OCA UK site is separate).',
      sources: [
        cite('https://rarediseases.org/organizations/obsessive-compulsive-anonymous/', null, [
          'name',
          'acronyms',
          'address',
          'notes',
        ]),
        cite('https://obsessivecompulsiveanonymous.org.uk/resources/to_those_of_us_who_are_new_to_oca.html', null, [
          'notes',
        ]),
        cite('https://www.ocatoronto.ca/what-is-oca', null, ['notes']),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'alateen',
      name: 'Alateen',
      kinds: ['family-and-friends'],
      website: null,
      notes:
        "Part of Al-Anon Family Groups (see Al-Anon for its phone and meeting search): meetings for young people, mostly teenagers, whose lives have been affected by someone else's drinking, each group sponsored by adult Al-Anon members. Alateen meetings are closed to other adults; where there is none nearby, teens are welcome at Al-Anon meetings. First groups in California in 1957.",
      sources: [
        cite('https://srvais.org/alateen/', null, ['name', 'notes']),
        cite('https://elunanetwork.org/resources/alateen', null, ['name', 'notes']),
        cite('https://psychcentral.com/lib/what-is-al-anon-and-alateen', null, ['notes']),
        cite('https://al-anondesmoines.org/history', null, ['notes']),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'marijuana-anonymous',
      name: 'Marijuana Anonymous',
      kinds: ['addiction'],
      website: 'https://marijuana-anonymous.org/',
      notes:
        'A twelve-step fellowship, founded in 1989, for people who want to stop using marijuana; meetings in person and online.',
      sources: [
        cite('https://marijuana-anonymous.org/safety/', null, ['name', 'website']),
        cite('https://en.wikipedia.org/wiki/Marijuana_Anonymous', null, ['name', 'notes']),
        cite(
          'https://limsforum.com/potency-and-safety-analysis-of-hemp-delta-9-products-the-hemp-vs-cannabis-demarcation-problem/110019/?rdp_we_resource=https%3A%2F%2Fen.wikipedia.org%2Fwiki%2FMarijuana_Anonymous',
          null,
          ['website'],
          WEAK,
        ),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'debtors-anonymous',
      name: 'Debtors Anonymous',
      kinds: ['addiction'],
      website: 'https://debtorsanonymous.org/',
      notes:
        'A twelve-step fellowship for people who want to stop incurring unsecured debt; meetings in person, by video and by telephone.',
      sources: [
        cite('https://debtorsanonymous.org/regfaq/', null, ['name', 'website', 'notes']),
        cite('http://www.daminnesota.org/how-da-works-1.html', null, ['name', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'crystal-meth-anonymous',
      name: 'Crystal Meth Anonymous',
      kinds: ['addiction'],
      website: 'https://crystalmeth.org/',
      notes:
        'A twelve-step fellowship, founded in West Hollywood in 1994, for people recovering from crystal meth addiction; its world meeting directory is on its site.',
      sources: [
        cite('https://crystalmeth.org/cma-meetings/cma-meeting-map.html', null, ['name', 'website', 'notes']),
        cite('https://en.wikipedia.org/wiki/Crystal_Meth_Anonymous', null, ['name', 'notes']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'nicotine-anonymous',
      name: 'Nicotine Anonymous',
      formerNames: ['Smokers Anonymous'],
      acronyms: ['NicA'],
      kinds: ['addiction'],
      website: 'https://www.nicotine-anonymous.org/',
      notes:
        'A twelve-step fellowship for people who want to stop using nicotine; meetings in person, by telephone and online. Known as Smokers Anonymous until it was renamed.',
      sources: [
        cite('https://www.nicotine-anonymous.org/about-us', null, ['name', 'acronyms', 'website', 'notes']),
        cite('https://nicotine-anonymous.org/world-services-intergroups-me', null, ['name', 'acronyms', 'website']),
        cite('https://en.wikipedia.org/wiki/Nicotine_Anonymous', null, ['formerNames', 'notes']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'sex-and-love-addicts-anonymous',
      name: 'Sex and Love Addicts Anonymous',
      acronyms: ['S.L.A.A.', 'SLAA'],
      kinds: ['addiction'],
      website: 'https://slaafws.org/',
      notes:
        'A twelve-step fellowship for people with sex addiction, love addiction or both; in-person, online and telephone meetings, and a page for those with no meeting nearby.',
      sources: [
        cite('https://slaafws.org/no-meetings', null, ['name', 'website', 'notes']),
        cite('https://slaafws.org/kb/tradqa/about-service/what-is-service/', null, ['name', 'acronyms', 'website']),
        cite('https://santacruzslaa.org/newcomers', null, ['name', 'acronyms', 'website']),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'anad',
      name: 'ANAD (National Association of Anorexia Nervosa and Associated Disorders)',
      acronyms: ['ANAD'],
      kinds: ['mental-health', 'helpline'],
      website: 'https://anad.org/',
      notes:
        'Peer support for people with eating disorders and their families: free support groups led by people in recovery, mentors, and the ANAD Eating Disorder Helpline (its number is on its site).',
      sources: [
        cite('https://anad.org/eating-disorder-helpline/', null, ['name', 'acronyms', 'website', 'notes']),
        cite('https://www.nationaleatingdisorders.org/partners-change-round-anad-fedup-and-project-heal/', '2022', [
          'name',
          'acronyms',
          'notes',
        ]),
      ],
      verified: '2026-12-03',
      confidence: 'H',
    }),
    group({
      id: 'alzheimers-association',
      name: "Alzheimer's Association",
      kinds: ['health', 'helpline'],
      website: 'https://www.alz.org/',
      phones: [
        {
          number: '1-800-272-3900',
          label: 'helpline',
          note: '24/7 Helpline, 24 hours a day, 365 days a year; translation in more than 200 languages',
        },
      ],
      notes:
        "For people living with Alzheimer's or another dementia, their families and caregivers: confidential support, crisis help and referrals to local chapters and support groups, around the clock.",
      sources: [
        cite(
          'https://www.kwqc.com/2021/12/17/247-helpline-available-families-facing-alzheimers-during-holidays/',
          '2021-12-17',
          ['name', 'website', 'phones', 'notes'],
        ),
        cite('https://www.stormlakepilottribune.com/story/2921058.html', '2021-12-03', ['name', 'phones', 'notes']),
        cite('https://generations808.com/how-you-can-help-fight-alzheimers-2/', null, ['name', 'notes'], WEAK),
      ],
      verified: '2026-12-03',
      confidence: 'M',
    }),
    group({
      id: 'gam-anon',
      name: 'Gam-Anon International Service Office',
      kinds: ['family-and-friends'],
      website: 'https://www.gam-anon.org/',
      phones: [
        { number: '(718) 352-1671', label: 'office', note: 'International Service Office (number printed in 2013)' },
      ],
      notes:
        "Twelve-step fellowship for people affected by someone else's gambling (spouses, parents, children, friends); Gam-A-Teen for younger members. First meeting in April 1958.",
      sources: [
        cite(
          'https://hqproductreviews.com?arsae=https%3A%2F%2Fwww.gam-anon.org%2Fgam-anon-can-help%2Ftools-of-the-gam-anon-program',
          null,
          ['name', 'website'],
        ),
        cite(
          'https://docest.com/doc/213716/gam-anon-international-service-office-inc',
          '2013-11-21',
          ['name', 'phones', 'notes'],
          WEAK,
        ),
        cite(
          'https://12steppers.org/12-step-programs/12-step-programs-for-friends-families-of-addicts/gam-anon-gam-a-teen/',
          null,
          ['notes'],
        ),
      ],
      verified: '2026-12-04',
      confidence: 'M',
    }),
    group({
      id: 'heroin-anonymous',
      name: 'Heroin Anonymous',
      kinds: ['addiction'],
      website: 'https://heroinanonymous.org/',
      notes:
        'A twelve-step fellowship of people recovering from heroin addiction, adapted from AA (not affiliated); the first meeting was in Phoenix, Arizona, in 2004. Meetings are listed on its website.',
      sources: [
        cite('https://heroinanonymous.org/the-fellowship-and-the-program/', null, ['name', 'website', 'notes']),
        cite('https://www.halongisland.org/ha-world-covid-19-announcement/', '2020-03-13', ['website', 'notes']),
        cite('https://wikimili.com/en/Heroin_Anonymous', null, ['notes']),
      ],
      verified: '2026-12-04',
      confidence: 'H',
    }),
    group({
      id: 'double-trouble-in-recovery',
      name: 'Double Trouble in Recovery',
      acronyms: ['DTR'],
      kinds: ['addiction', 'mental-health'],
      website: 'https://www.bhevolution.org/public/doubletrouble_faqs.page',
      email: 'training@hazelden.org',
      notes:
        'A twelve-step fellowship, begun in 1989, for people with both a mental illness and an addiction; medication is welcome to be discussed. Its guide and group materials are published by Hazelden (Behavioral Health Evolution); the email is for starting or running a group.',
      sources: [
        cite('https://www.bhevolution.org/public/doubletrouble_faqs.page', null, [
          'name',
          'acronyms',
          'website',
          'notes',
        ]),
        cite('https://www.bhevolution.org/public/dtr_twelve_steps.page', null, ['email', 'notes']),
        cite(
          'https://www.thesoberworld.com/2015/11/01/double-trouble-recovery-12-step-support-mental-illness-addiction/',
          '2015-11-01',
          ['notes'],
        ),
      ],
      verified: '2026-12-04',
      confidence: 'H',
    }),
    group({
      id: 'hearing-voices-network-usa',
      name: 'Hearing Voices Network USA',
      acronyms: ['HVN-USA'],
      kinds: ['mental-health'],
      website: 'https://www.hearingvoicesusa.org/',
      notes:
        'Peer support groups for people who hear voices, see visions or have other unusual experiences, with or without a diagnosis; more than 100 registered groups, many online, and an online group for family and friends.',
      sources: [
        cite('http://www.hearingvoicesusa.org/latest-news/155-ourvoicesraised-org-launched', null, [
          'name',
          'website',
          'notes',
        ]),
        cite('https://www.vermontpsychiatricsurvivors.org/hearing-voices-network-groups-move-online/', null, [
          'name',
          'acronyms',
          'notes',
        ]),
        cite(
          'https://www.madinamerica.com/2019/11/hearing-voices-network-launches-family-friends-support-group/',
          '2019-11',
          ['notes'],
        ),
      ],
      verified: '2026-12-04',
      confidence: 'H',
    }),
    group({
      id: 'cancercare',
      name: 'CancerCare',
      kinds: ['health'],
      website: 'https://www.cancercare.org/',
      phones: [
        {
          number: '800-813-4673',
          label: 'helpline',
          note: 'Hopeline, 800-813-HOPE: Mon–Thu 10am–6pm, Fri 10am–5pm ET',
        },
      ],
      notes:
        'Free support from oncology social workers for people with cancer, caregivers and the bereaved: online, telephone and face-to-face support groups; one-to-one counselling is for residents of New York and New Jersey.',
      sources: [
        cite('https://www.cancercare.org/counseling', null, ['name', 'website', 'phones', 'notes']),
        cite('http://www.cancercare.org/tagged/support_groups', null, ['phones', 'notes']),
      ],
      verified: '2026-12-04',
      confidence: 'H',
    }),
    group({
      id: 'mended-hearts',
      name: 'Mended Hearts',
      kinds: ['health'],
      website: 'https://mendedhearts.org/',
      phones: [{ number: '1-888-432-7899', label: 'office', note: 'national office' }],
      notes:
        'Peer-to-peer support for heart patients, their families and caregivers: hospital visits by trained volunteers, local chapters and support groups. Mended Little Hearts supports families of children with congenital heart defects.',
      sources: [
        cite('https://mendedhearts.org/about-us/', null, ['name', 'website', 'notes']),
        cite('https://www.cardiosmart.org/Connect/Community-Peer-Support', null, ['name', 'phones', 'notes']),
      ],
      verified: '2026-12-04',
      confidence: 'H',
    }),
    group({
      id: 'brain-injury-association-of-america',
      name: 'Brain Injury Association of America',
      acronyms: ['BIAA'],
      kinds: ['health'],
      website: 'https://www.biausa.org/',
      phones: [{ number: '1-800-444-6443', label: 'helpline', note: 'National Brain Injury Information Center' }],
      notes:
        'Information, resources and support after a brain injury, for survivors and families, with state affiliates, local chapters and support groups.',
      sources: [
        cite('http://www.biausa.org/About-Us/accomplishments', null, ['name', 'acronyms', 'website']),
        cite(
          'https://capemaycountyherald.com/article/lifestyle-brain-injury-association-of-america-celebrates-brain-injury-awareness-month-article_d790f686-9974-11ec-93ef-9f6c74014166-html',
          null,
          ['name', 'acronyms', 'phones'],
        ),
        cite('https://nutcasehelmets.com/blogs/news/brain-injury-awareness-day', null, ['phones']),
        cite('https://www.causes.com/causes/5177-brain-injury-association-of-america/about', null, ['notes']),
      ],
      verified: '2026-12-04',
      confidence: 'H',
    }),
    group({
      id: 'griefshare',
      name: 'GriefShare',
      kinds: ['grief'],
      website: 'https://www.griefshare.org/',
      notes:
        'Grief support groups after the death of someone close, hosted by churches and led by people who have lived through a loss; groups meet weekly in a 13-week cycle and can be joined at any session. Find a group on the website.',
      sources: [
        cite(
          'http://www.spartaindependent.com/news/local-news/griefshare-aims-to-help-those-who-are-grieving-XY908231',
          null,
          ['name', 'website', 'notes'],
        ),
        cite(
          'https://queencreekindependent.com/news/support-group-griefshare-meets-at-calvary-chapel-helps-bereaved/',
          '2018-08-03',
          ['name', 'website', 'notes'],
        ),
      ],
      verified: '2026-12-04',
      confidence: 'M',
    }),
  ];
}
